# A typical ECS/Fargate Terraform stack, unchanged, at Berth's endpoint: it finds the default VPC
# and its subnets with data sources, builds an execution role from aws_iam_policy_document with the
# AWS managed AmazonECSTaskExecutionRolePolicy, a cluster with its capacity providers, security
# groups with the new-style rule resources, the default VPC's default group, a log group and a
# Fargate task definition; a second plan finds nothing to change, and destroy leaves nothing.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

terraform_setup

cat >"$TF_DIR/main.tf" <<TF
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "$TF_PROVIDER_VERSION"
    }
  }
}

provider "aws" {
  region                  = "$AWS_DEFAULT_REGION"
  skip_metadata_api_check = true
  endpoints {
    ec2            = "$AWS_ENDPOINT_URL"
    ecs            = "$AWS_ENDPOINT_URL"
    iam            = "$AWS_ENDPOINT_URL"
    sts            = "$AWS_ENDPOINT_URL"
    cloudwatchlogs = "$AWS_ENDPOINT_URL"
  }
}

data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

data "aws_vpc" "default" {
  default = true
}

data "aws_subnets" "default" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.default.id]
  }
  filter {
    name   = "default-for-az"
    values = ["true"]
  }
}

data "aws_subnet" "first" {
  id = sort(data.aws_subnets.default.ids)[0]
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "e2e-stack-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_ecs_cluster" "main" {
  name = "e2e-stack"
  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }
  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 3
  }
}

# The default VPC's default group, adopted with the rules it has anyway.
resource "aws_default_security_group" "default" {
  vpc_id = data.aws_vpc.default.id
  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "web" {
  name        = "e2e-stack-web"
  description = "web tasks"
  vpc_id      = data.aws_vpc.default.id
  tags        = { Name = "e2e-stack-web" }
}

resource "aws_vpc_security_group_ingress_rule" "web_http" {
  security_group_id = aws_security_group.web.id
  cidr_ipv4         = data.aws_vpc.default.cidr_block
  from_port         = 8080
  to_port           = 8080
  ip_protocol       = "tcp"
  tags              = { Name = "http-from-vpc" }
}

resource "aws_vpc_security_group_ingress_rule" "web_self" {
  security_group_id            = aws_security_group.web.id
  referenced_security_group_id = aws_security_group.web.id
  ip_protocol                  = "-1"
}

resource "aws_vpc_security_group_egress_rule" "web_all" {
  security_group_id = aws_security_group.web.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_cloudwatch_log_group" "web" {
  name              = "/ecs/e2e-stack-web"
  retention_in_days = 7
}

resource "aws_ecs_task_definition" "web" {
  family                   = "e2e-stack-web"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions = jsonencode([{
    name         = "web"
    image        = "busybox"
    essential    = true
    command      = ["httpd", "-f", "-p", "8080"]
    portMappings = [{ containerPort = 8080, protocol = "tcp" }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.web.name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = "web"
      }
    }
  }])
}

output "vpc_id" {
  value = data.aws_vpc.default.id
}
output "subnet_count" {
  value = length(data.aws_subnets.default.ids)
}
output "subnet_vpc" {
  value = data.aws_subnet.first.vpc_id
}
output "account" {
  value = data.aws_caller_identity.current.account_id
}
output "web_group" {
  value = aws_security_group.web.id
}
TF


tf init
TF_APPLIED=yes
tf apply -auto-approve

vpc="$(tf_output vpc_id)"
[ "$(aws ec2 describe-vpcs --vpc-ids "$vpc" --query 'Vpcs[0].IsDefault' --output text)" = True ]
[ "$(tf_output subnet_vpc)" = "$vpc" ]
[ "$(tf_output subnet_count)" -ge 2 ]
[ "$(tf_output account)" = "$(aws sts get-caller-identity --query Account --output text)" ]
[ "$(aws ecs describe-clusters --clusters e2e-stack \
  --query 'clusters[0].defaultCapacityProviderStrategy[?capacityProvider==`FARGATE`].base | [0]' --output text)" = 1 ]
[ "$(aws iam list-attached-role-policies --role-name e2e-stack-execution \
  --query 'AttachedPolicies[0].PolicyName' --output text)" = AmazonECSTaskExecutionRolePolicy ]
web="$(tf_output web_group)"
[ "$(aws ec2 describe-security-group-rules --filters "Name=group-id,Values=$web" \
  --query 'length(SecurityGroupRules)' --output text)" = 3 ]

tf_plan_unchanged

tf destroy -auto-approve
TF_APPLIED=""
[ "$(aws ec2 describe-security-groups --filters "Name=group-name,Values=e2e-stack-web" \
  --query 'length(SecurityGroups)' --output text)" = 0 ]
[ "$(aws ecs describe-clusters --clusters e2e-stack --query 'clusters[0].status' --output text)" = INACTIVE ]
[ "$(aws ecs list-task-definitions --family-prefix e2e-stack-web --status ACTIVE \
  --query 'length(taskDefinitionArns)' --output text)" = 0 ]
! aws iam get-role --role-name e2e-stack-execution >/dev/null 2>&1
[ "$(aws logs describe-log-groups --log-group-name-prefix /ecs/e2e-stack-web \
  --query 'length(logGroups)' --output text)" = 0 ]
echo ok
