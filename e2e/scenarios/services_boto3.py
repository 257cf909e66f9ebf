"""An ECS service through boto3: 2 Fargate tasks kept running (services_stable), a task stopped behind
the service's back is replaced, an update to a new revision rolls to it, and a forced delete drains
the service to INACTIVE (services_inactive) with no task left."""
import os
import time

import boto3

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
ecs = boto3.client("ecs", endpoint_url=ENDPOINT)
ec2 = boto3.client("ec2", endpoint_url=ENDPOINT)
SUBNETS = [s["SubnetId"] for s in ec2.describe_subnets(
    Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"]][:2]
NETWORK = {"awsvpcConfiguration": {"subnets": SUBNETS}}
WAIT = {"Delay": 2, "MaxAttempts": 90}


def register(revision_note):
    return ecs.register_task_definition(
        family="e2e-svc", requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256", memory="512",
        containerDefinitions=[{"name": "main", "image": "busybox:latest", "command": ["sleep", "3600"],
                               "environment": [{"name": "NOTE", "value": revision_note}], "stopTimeout": 2}],
    )["taskDefinition"]["taskDefinitionArn"]


def running_tasks():
    arns = ecs.list_tasks(cluster="e2e-svc", serviceName="web", desiredStatus="RUNNING")["taskArns"]
    return ecs.describe_tasks(cluster="e2e-svc", tasks=arns)["tasks"] if arns else []


ecs.create_cluster(clusterName="e2e-svc")
first = register("one")
service = ecs.create_service(cluster="e2e-svc", serviceName="web", taskDefinition=first, desiredCount=2,
                             launchType="FARGATE", networkConfiguration=NETWORK)["service"]
assert service["status"] == "ACTIVE" and service["desiredCount"] == 2, service
ecs.get_waiter("services_stable").wait(cluster="e2e-svc", services=["web"], WaiterConfig=WAIT)
tasks = running_tasks()
assert len(tasks) == 2, tasks
primary = ecs.describe_services(cluster="e2e-svc", services=["web"])["services"][0]["deployments"][0]
assert all(t["group"] == "service:web" and t["startedBy"] == primary["id"] for t in tasks), tasks

# A task stopped by hand is replaced.
victim = tasks[0]["taskArn"]
ecs.stop_task(cluster="e2e-svc", task=victim, reason="e2e kills one")
deadline = time.monotonic() + 120
while True:
    arns = [t["taskArn"] for t in running_tasks() if t["lastStatus"] == "RUNNING"]
    if len(arns) == 2 and victim not in arns:
        break
    assert time.monotonic() < deadline, arns
    time.sleep(1)

# A new revision rolls out.
second = register("two")
ecs.update_service(cluster="e2e-svc", service="web", taskDefinition=second)
ecs.get_waiter("services_stable").wait(cluster="e2e-svc", services=["web"], WaiterConfig=WAIT)
described = ecs.describe_services(cluster="e2e-svc", services=["web"])["services"][0]
assert described["taskDefinition"] == second, described
assert [d["rolloutState"] for d in described["deployments"]] == ["COMPLETED"], described["deployments"]
assert {t["taskDefinitionArn"] for t in running_tasks()} == {second}
assert any(e["message"].endswith("has reached a steady state.") for e in described["events"]), described["events"]

# Deleting needs force while scaled above 0; then the service drains to INACTIVE.
try:
    ecs.delete_service(cluster="e2e-svc", service="web")
    raise AssertionError("a service scaled above 0 was deleted without force")
except ecs.exceptions.InvalidParameterException:
    pass
ecs.delete_service(cluster="e2e-svc", service="web", force=True)
ecs.get_waiter("services_inactive").wait(cluster="e2e-svc", services=["web"], WaiterConfig=WAIT)
assert running_tasks() == []
ecs.delete_cluster(cluster="e2e-svc")
print("ok")
