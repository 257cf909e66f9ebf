"""A Fargate task run through boto3: it logs a line and exits 3, the tasks_stopped waiter sees it,
ECS reports why, and the AWS CLI reads the line back from CloudWatch Logs."""
import json
import os
import subprocess

import boto3

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
ecs = boto3.client("ecs", endpoint_url=ENDPOINT)
logs = boto3.client("logs", endpoint_url=ENDPOINT)
ec2 = boto3.client("ec2", endpoint_url=ENDPOINT)
# A default subnet of the default VPC Berth makes in every region: RunTask checks that the subnet exists.
SUBNET = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"][0]["SubnetId"]

logs.create_log_group(logGroupName="/ecs/e2e")
ecs.register_task_definition(
    family="e2e-exit", requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256", memory="512",
    executionRoleArn="arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
    containerDefinitions=[{"name": "main", "image": "busybox:latest",
                           "command": ["sh", "-c", "echo hello from the task; exit 3"],
                           "logConfiguration": {"logDriver": "awslogs", "options": {
                               "awslogs-group": "/ecs/e2e", "awslogs-region": "us-east-1",
                               "awslogs-stream-prefix": "e2e"}}}])
run = ecs.run_task(taskDefinition="e2e-exit", launchType="FARGATE", count=1,
                   networkConfiguration={"awsvpcConfiguration": {"subnets": [SUBNET]}})
assert run["failures"] == [], run
arn = run["tasks"][0]["taskArn"]
assert run["tasks"][0]["lastStatus"] == "PROVISIONING", run

ecs.get_waiter("tasks_stopped").wait(tasks=[arn], WaiterConfig={"Delay": 1, "MaxAttempts": 60})
task = ecs.describe_tasks(tasks=[arn])["tasks"][0]
assert task["lastStatus"] == "STOPPED", task
assert task["stopCode"] == "EssentialContainerExited", task
assert task["containers"][0]["exitCode"] == 3, task
assert task["stoppedReason"] == "Essential container in task exited", task

stream = "e2e/main/" + arn.rsplit("/", 1)[1]
out = subprocess.run([os.environ.get("AWS", "aws"), "--endpoint-url", ENDPOINT, "logs", "get-log-events",
                      "--log-group-name", "/ecs/e2e", "--log-stream-name", stream, "--start-from-head"],
                     check=True, capture_output=True, text=True).stdout
messages = [event["message"] for event in json.loads(out)["events"]]
assert messages == ["hello from the task"], messages

# A long-running task is stopped by the user.
ecs.register_task_definition(
    family="e2e-sleep", requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256", memory="512",
    containerDefinitions=[{"name": "main", "image": "busybox:latest", "command": ["sleep", "600"], "stopTimeout": 2}])
arn = ecs.run_task(taskDefinition="e2e-sleep", launchType="FARGATE",
                   networkConfiguration={"awsvpcConfiguration": {"subnets": [SUBNET]}})["tasks"][0]["taskArn"]
ecs.get_waiter("tasks_running").wait(tasks=[arn], WaiterConfig={"Delay": 1, "MaxAttempts": 60})
assert arn in ecs.list_tasks(family="e2e-sleep")["taskArns"]
ecs.stop_task(task=arn, reason="e2e done")
ecs.get_waiter("tasks_stopped").wait(tasks=[arn], WaiterConfig={"Delay": 1, "MaxAttempts": 60})
task = ecs.describe_tasks(tasks=[arn])["tasks"][0]
assert (task["stopCode"], task["stoppedReason"]) == ("UserInitiated", "e2e done"), task
print("ok")
