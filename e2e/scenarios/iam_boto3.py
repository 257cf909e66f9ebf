"""The classic IAM set-up with boto3, then proof that it is enforced: a user assumes a role and
may do what the role's policy allows and nothing else."""
import json
import os
import tempfile

import boto3
import botocore.exceptions

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
iam = boto3.client("iam", endpoint_url=ENDPOINT)
sts = boto3.client("sts", endpoint_url=ENDPOINT)
account = sts.get_caller_identity()["Account"]


def denied(call, **kwargs):
    try:
        call(**kwargs)
    except botocore.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    raise AssertionError(f"{call.__name__} was allowed")


user = iam.create_user(UserName="e2e-alice")["User"]
keys = iam.create_access_key(UserName="e2e-alice")["AccessKey"]
assert keys["AccessKeyId"].startswith("AKIA"), keys
iam.put_user_policy(UserName="e2e-alice", PolicyName="may-assume", PolicyDocument=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}))

# A customer managed policy, its document read from a file as the AWS CLI's file:// would.
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump({"Version": "2012-10-17",
               "Statement": [{"Effect": "Allow", "Action": ["ecs:ListClusters", "ecs:DescribeClusters"],
                              "Resource": "*"}]}, f)
with open(f.name) as document:
    policy = iam.create_policy(PolicyName="e2e-ecs-read", PolicyDocument=document.read())["Policy"]
os.unlink(f.name)

trust = {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Principal": {"AWS": user["Arn"]}, "Action": "sts:AssumeRole"}]}
role = iam.create_role(RoleName="e2e-reader", AssumeRolePolicyDocument=json.dumps(trust))["Role"]
iam.attach_role_policy(RoleName="e2e-reader", PolicyArn=policy["Arn"])
attached = iam.list_attached_role_policies(RoleName="e2e-reader")["AttachedPolicies"]
assert [p["PolicyArn"] for p in attached] == [policy["Arn"]], attached
assert iam.get_role(RoleName="e2e-reader")["Role"]["AssumeRolePolicyDocument"] == trust

alice = boto3.Session(aws_access_key_id=keys["AccessKeyId"], aws_secret_access_key=keys["SecretAccessKey"],
                      region_name="us-east-1")
assert alice.client("sts", endpoint_url=ENDPOINT).get_caller_identity()["Arn"] == user["Arn"]
assert denied(alice.client("ecs", endpoint_url=ENDPOINT).list_clusters) == "AccessDeniedException"

creds = alice.client("sts", endpoint_url=ENDPOINT).assume_role(
    RoleArn=role["Arn"], RoleSessionName="e2e")["Credentials"]
assert creds["AccessKeyId"].startswith("ASIA"), creds
reader = boto3.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                       aws_session_token=creds["SessionToken"], region_name="us-east-1")
identity = reader.client("sts", endpoint_url=ENDPOINT).get_caller_identity()
assert identity["Arn"] == f"arn:aws:sts::{account}:assumed-role/e2e-reader/e2e", identity
ecs = reader.client("ecs", endpoint_url=ENDPOINT)
ecs.list_clusters()
assert denied(ecs.create_cluster, clusterName="not-allowed") == "AccessDeniedException"
assert denied(reader.client("iam", endpoint_url=ENDPOINT).list_users) == "AccessDenied"

# Errors as IAM answers them.
assert denied(iam.delete_role, RoleName="e2e-reader") == "DeleteConflict"
assert denied(iam.create_role, RoleName="E2E-READER", AssumeRolePolicyDocument=json.dumps(trust)) == "EntityAlreadyExists"
assert denied(iam.get_role, RoleName="nobody") == "NoSuchEntity"
assert denied(iam.create_policy, PolicyName="bad", PolicyDocument='{"Statement": []}') == "MalformedPolicyDocument"

# Reverse order: detach, delete role, delete policy.
iam.detach_role_policy(RoleName="e2e-reader", PolicyArn=policy["Arn"])
iam.delete_role(RoleName="e2e-reader")
iam.delete_policy(PolicyArn=policy["Arn"])
assert denied(iam.get_policy, PolicyArn=policy["Arn"]) == "NoSuchEntity"
print("ok")
