"""awsvpc with boto3, as a user sets it up: a VPC with two subnets in two zones, a security group
allowing HTTP, a FARGATE task serving a page in it; the host fetches the page from the task's
private IP, the security group decides, and everything is deleted again."""
import os
import random
import subprocess
import time

import boto3

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
ecs = boto3.client("ecs", endpoint_url=ENDPOINT)
ec2 = boto3.client("ec2", endpoint_url=ENDPOINT)

# An address range of its own: the task's address lives on a bridge Berth makes on this machine.
net = "10.%d" % random.randint(20, 99)
vpc = ec2.create_vpc(CidrBlock=net + ".0.0/16")["Vpc"]["VpcId"]
subnet_a = ec2.create_subnet(VpcId=vpc, CidrBlock=net + ".1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
subnet_b = ec2.create_subnet(VpcId=vpc, CidrBlock=net + ".2.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
group = ec2.create_security_group(VpcId=vpc, GroupName="web", Description="HTTP from the VPC")["GroupId"]
http = [{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "IpRanges": [{"CidrIp": net + ".0.0/16"}]}]
ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=http)

ecs.register_task_definition(
    family="e2e-web", requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu="256", memory="512",
    containerDefinitions=[{"name": "web", "image": "busybox:latest", "command": [
        "sh", "-c", "mkdir -p /www && echo hello from a fargate task > /www/index.html && exec httpd -f -p 8080 -h /www"]}])
run = ecs.run_task(taskDefinition="e2e-web", launchType="FARGATE", networkConfiguration={
    "awsvpcConfiguration": {"subnets": [subnet_b, subnet_a], "securityGroups": [group], "assignPublicIp": "DISABLED"}})
assert run["failures"] == [], run
arn = run["tasks"][0]["taskArn"]
assert run["tasks"][0]["attachments"][0]["status"] == "PRECREATED", run
ecs.get_waiter("tasks_running").wait(tasks=[arn], WaiterConfig={"Delay": 1, "MaxAttempts": 60})

task = ecs.describe_tasks(tasks=[arn])["tasks"][0]
eni = task["attachments"][0]
details = {d["name"]: d["value"] for d in eni["details"]}
assert eni["type"] == "ElasticNetworkInterface" and eni["status"] == "ATTACHED", eni
assert details["subnetId"] == subnet_b, details
ip = details["privateIPv4Address"]
assert ip.startswith(net + ".2."), details
assert task["availabilityZone"] == "us-east-1b", task
described = ec2.describe_network_interfaces(NetworkInterfaceIds=[details["networkInterfaceId"]])["NetworkInterfaces"][0]
assert described["PrivateIpAddress"] == ip and described["Groups"][0]["GroupId"] == group, described


def fetch():
    return subprocess.run(["curl", "-s", "-m", "2", "http://%s:8080/" % ip], capture_output=True, text=True).stdout


page = fetch()
assert page == "hello from a fargate task\n", page
ec2.revoke_security_group_ingress(GroupId=group, IpPermissions=http)
deadline = time.time() + 5
while fetch() and time.time() < deadline:
    time.sleep(0.2)
assert fetch() == "", "the revoked rule still lets the host in"

try:
    ec2.delete_security_group(GroupId=group)
    raise AssertionError("a group in use was deleted")
except ec2.exceptions.ClientError as e:
    assert e.response["Error"]["Code"] == "DependencyViolation", e.response

ecs.stop_task(task=arn)
ecs.get_waiter("tasks_stopped").wait(tasks=[arn], WaiterConfig={"Delay": 1, "MaxAttempts": 60})
stopped = ecs.describe_tasks(tasks=[arn])["tasks"][0]
assert stopped["attachments"][0]["status"] == "DETACHED", stopped
ec2.delete_security_group(GroupId=group)
ec2.delete_subnet(SubnetId=subnet_a)
ec2.delete_subnet(SubnetId=subnet_b)
ec2.delete_vpc(VpcId=vpc)
print("ok", ip)
