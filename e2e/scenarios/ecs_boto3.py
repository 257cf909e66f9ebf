"""Clusters and task definitions through boto3, exactly as a user's script would use them."""
import json
import os
import urllib.error
import urllib.request

import boto3
import botocore.exceptions

# Debian's botocore predates AWS_ENDPOINT_URL (botocore 1.31), so the endpoint is passed explicitly.
ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
ecs = boto3.client("ecs", endpoint_url=ENDPOINT)
sts = boto3.client("sts", endpoint_url=ENDPOINT)


def expect_error(code, call, **kwargs):
    try:
        call(**kwargs)
    except botocore.exceptions.ClientError as e:
        assert e.response["Error"]["Code"] == code, (code, e.response["Error"])
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response
        return e.response["Error"]["Message"]
    raise AssertionError(f"{call.__name__} did not fail with {code}")


identity = sts.get_caller_identity()
assert identity["Account"] == "000000000000", identity
assert identity["Arn"] == "arn:aws:iam::000000000000:root", identity

# Clusters
cluster = ecs.create_cluster(clusterName="e2e-boto3", tags=[{"key": "team", "value": "e2e"}])["cluster"]
assert cluster["clusterArn"] == "arn:aws:ecs:us-east-1:000000000000:cluster/e2e-boto3", cluster
assert cluster["status"] == "ACTIVE"
again = ecs.create_cluster(clusterName="e2e-boto3")["cluster"]
assert again["clusterArn"] == cluster["clusterArn"]

described = ecs.describe_clusters(clusters=["e2e-boto3", "missing-one"], include=["TAGS", "SETTINGS"])
assert [c["clusterName"] for c in described["clusters"]] == ["e2e-boto3"], described
assert described["clusters"][0]["tags"] == [{"key": "team", "value": "e2e"}], described
assert described["failures"] == [
    {"arn": "arn:aws:ecs:us-east-1:000000000000:cluster/missing-one", "reason": "MISSING"}], described

for i in range(5):
    ecs.create_cluster(clusterName=f"e2e-paged-{i}")
arns = []
for page in ecs.get_paginator("list_clusters").paginate(PaginationConfig={"PageSize": 2}):
    assert len(page["clusterArns"]) <= 2
    arns += page["clusterArns"]
assert len(arns) == len(set(arns)) and all(f"cluster/e2e-paged-{i}" in " ".join(arns) for i in range(5)), arns

updated = ecs.update_cluster_settings(cluster="e2e-boto3", settings=[{"name": "containerInsights", "value": "enabled"}])
assert updated["cluster"]["settings"] == [{"name": "containerInsights", "value": "enabled"}], updated
expect_error("ClusterNotFoundException", ecs.delete_cluster, cluster="never-created")
expect_error("InvalidParameterException", ecs.create_cluster, clusterName="no spaces allowed")

# Task definitions
container = {
    "name": "web",
    "image": "busybox:latest",
    "portMappings": [{"containerPort": 8080}],
    "command": ["httpd", "-f", "-p", "8080"],
    "environment": [{"name": "GREETING", "value": "hello"}],
    "healthCheck": {"command": ["CMD-SHELL", "true"], "interval": 10},
    "ulimits": [{"name": "nofile", "softLimit": 1024, "hardLimit": 4096}],
}
registered = ecs.register_task_definition(
    family="e2e-web", requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu=".25 vCPU", memory="0.5 GB",
    containerDefinitions=[container], tags=[{"key": "app", "value": "web"}])
td = registered["taskDefinition"]
assert td["taskDefinitionArn"] == "arn:aws:ecs:us-east-1:000000000000:task-definition/e2e-web:1", td
assert (td["cpu"], td["memory"], td["status"], td["revision"]) == ("256", "512", "ACTIVE", 1), td
assert "FARGATE" in td["compatibilities"], td
assert td["registeredBy"] == "arn:aws:iam::000000000000:root", td
web = td["containerDefinitions"][0]
assert web["portMappings"] == [{"containerPort": 8080, "hostPort": 8080, "protocol": "tcp"}], web
assert web["essential"] is True and web["healthCheck"]["command"] == ["CMD-SHELL", "true"], web
assert web["ulimits"] == container["ulimits"] and web["environment"] == container["environment"], web

assert ecs.register_task_definition(
    family="e2e-web", requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256", memory="512",
    containerDefinitions=[container])["taskDefinition"]["revision"] == 2

latest = ecs.describe_task_definition(taskDefinition="e2e-web", include=["TAGS"])
assert latest["taskDefinition"]["revision"] == 2 and latest["tags"] == [], latest
first = ecs.describe_task_definition(taskDefinition="e2e-web:1", include=["TAGS"])
assert first["tags"] == [{"key": "app", "value": "web"}], first

message = expect_error("ClientException", ecs.register_task_definition, family="e2e-bad",
                       requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256", memory="4096",
                       containerDefinitions=[container])
assert "Fargate" in message, message
expect_error("ClientException", ecs.describe_task_definition, taskDefinition="e2e-never")

assert ecs.list_task_definitions(familyPrefix="e2e-web", sort="DESC")["taskDefinitionArns"][0].endswith("e2e-web:2")
ecs.deregister_task_definition(taskDefinition="e2e-web:1")
assert ecs.list_task_definitions(familyPrefix="e2e-web")["taskDefinitionArns"] == [
    "arn:aws:ecs:us-east-1:000000000000:task-definition/e2e-web:2"]
assert "e2e-web" in ecs.list_task_definition_families(familyPrefix="e2e-")["families"]

# An unsigned request is refused and changes nothing.
request = urllib.request.Request(os.environ["AWS_ENDPOINT_URL"], data=json.dumps({"clusterName": "unsigned"}).encode(),
                                 headers={"X-Amz-Target": "AmazonEC2ContainerServiceV20141113.CreateCluster",
                                          "Content-Type": "application/x-amz-json-1.1"})
try:
    urllib.request.urlopen(request)
    raise AssertionError("unsigned request accepted")
except urllib.error.HTTPError as e:
    assert json.load(e)["__type"] == "MissingAuthenticationTokenException"
    assert e.headers["x-amzn-RequestId"]
assert not [a for a in ecs.list_clusters()["clusterArns"] if a.endswith("/unsigned")]

ecs.delete_cluster(cluster="e2e-boto3")
assert ecs.describe_clusters(clusters=["e2e-boto3"])["clusters"][0]["status"] == "INACTIVE"
print("ok")
