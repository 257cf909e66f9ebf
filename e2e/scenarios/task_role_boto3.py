"""A task role, as code in a Fargate task sees it: boto3 inside the berth-boto3 image finds the
role's credentials by itself (AWS_CONTAINER_CREDENTIALS_FULL_URI), STS says who it is (the role,
session named after the task), and the role's policy decides: ecs:ListClusters is allowed,
ecs:CreateCluster is denied. The task's output is read back from CloudWatch Logs."""
import json
import os
import random
import time

import boto3

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
ecs = boto3.client("ecs", endpoint_url=ENDPOINT)
ec2 = boto3.client("ec2", endpoint_url=ENDPOINT)
iam = boto3.client("iam", endpoint_url=ENDPOINT)
logs = boto3.client("logs", endpoint_url=ENDPOINT)
account = boto3.client("sts", endpoint_url=ENDPOINT).get_caller_identity()["Account"]

# What runs in the task: no credentials, no region, no endpoint configured in code but the
# endpoint the task is given (Debian's botocore ignores AWS_ENDPOINT_URL by itself).
TASK_SCRIPT = r"""
import os, traceback
import boto3
endpoint = os.environ['AWS_ENDPOINT_URL']
try:
    print('ARN ' + boto3.client('sts', endpoint_url=endpoint).get_caller_identity()['Arn'], flush=True)
except Exception:
    print('STS failed: ' + traceback.format_exc().replace('\n', ' | '), flush=True)
ecs = boto3.client('ecs', endpoint_url=endpoint)
try:
    print('LIST_CLUSTERS ok %d' % len(ecs.list_clusters()['clusterArns']), flush=True)
except Exception as e:
    print('LIST_CLUSTERS failed %r' % e, flush=True)
try:
    ecs.create_cluster(clusterName='from-the-task')
    print('CREATE_CLUSTER ok', flush=True)
except Exception as e:
    print('CREATE_CLUSTER failed %s' % getattr(e, 'response', {}).get('Error', {}).get('Code', repr(e)), flush=True)
print('DONE', flush=True)
"""

suffix = "%06d" % random.randint(0, 999999)
role_name = "e2e-task-role-" + suffix
group = "/ecs/e2e-task-role-" + suffix
net = "10.%d" % random.randint(150, 199)
cleanup = []
try:
    role = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                       "Action": "sts:AssumeRole"}]}))["Role"]
    cleanup.append(lambda: iam.delete_role(RoleName=role_name))
    iam.put_role_policy(RoleName=role_name, PolicyName="list-clusters-only", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*"}]}))
    cleanup.append(lambda: iam.delete_role_policy(RoleName=role_name, PolicyName="list-clusters-only"))

    logs.create_log_group(logGroupName=group)
    cleanup.append(lambda: logs.delete_log_group(logGroupName=group))

    vpc = ec2.create_vpc(CidrBlock=net + ".0.0/16")["Vpc"]["VpcId"]
    cleanup.append(lambda: ec2.delete_vpc(VpcId=vpc))
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=net + ".1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    cleanup.append(lambda: ec2.delete_subnet(SubnetId=subnet))

    ecs.register_task_definition(
        family="e2e-task-role", requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256", memory="512",
        taskRoleArn=role["Arn"], executionRoleArn="arn:aws:iam::%s:role/ecsTaskExecutionRole" % account,
        containerDefinitions=[{"name": "app", "image": "berth-boto3:latest",
                               "command": ["python3", "-c", TASK_SCRIPT],
                               "logConfiguration": {"logDriver": "awslogs", "options": {
                                   "awslogs-group": group, "awslogs-region": "us-east-1",
                                   "awslogs-stream-prefix": "e2e"}}}])
    run = ecs.run_task(taskDefinition="e2e-task-role", launchType="FARGATE", count=1,
                       networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet]}})
    assert run["failures"] == [], run
    arn = run["tasks"][0]["taskArn"]
    task_id = arn.rsplit("/", 1)[1]

    def stop():
        ecs.stop_task(task=arn, reason="e2e cleanup")
        ecs.get_waiter("tasks_stopped").wait(tasks=[arn], WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    cleanup.append(stop)

    ecs.get_waiter("tasks_stopped").wait(tasks=[arn], WaiterConfig={"Delay": 1, "MaxAttempts": 90})
    task = ecs.describe_tasks(tasks=[arn])["tasks"][0]

    stream = "e2e/app/" + task_id
    messages = []
    deadline = time.time() + 10
    while "DONE" not in messages and time.time() < deadline:
        try:
            events = logs.get_log_events(logGroupName=group, logStreamName=stream, startFromHead=True)["events"]
            messages = [event["message"] for event in events]
        except logs.exceptions.ResourceNotFoundException:
            pass
        if "DONE" not in messages:
            time.sleep(0.5)
    assert "DONE" in messages, (messages, task)
    expected_arn = "arn:aws:sts::%s:assumed-role/%s/%s" % (account, role_name, task_id)
    assert "ARN " + expected_arn in messages, (expected_arn, messages)
    assert any(m.startswith("LIST_CLUSTERS ok ") for m in messages), messages
    assert "CREATE_CLUSTER failed AccessDeniedException" in messages, messages
    assert task["containers"][0]["exitCode"] == 0, task
    clusters = ecs.describe_clusters(clusters=["from-the-task"])["clusters"]
    assert clusters == [] or clusters[0]["status"] == "INACTIVE", clusters
finally:
    # Undo in reverse order (the task before its subnet, the policy before its role); a failed
    # step fails the scenario but does not stop the others.
    errors = []
    for undo in reversed(cleanup):
        try:
            undo()
        except Exception as e:  # noqa: BLE001
            errors.append(repr(e))
assert not errors, errors
print("ok")
