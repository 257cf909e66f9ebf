# Terraform with the AWS provider builds a VPC network, an ECS cluster, a task role and a task
# definition at Berth's endpoint, finds nothing to change on a second plan, and destroys it all.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

terraform_setup

cat >"$TF_DIR/main.tf" <<EOF
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
    ec2 = "$AWS_ENDPOINT_URL"
    ecs = "$AWS_ENDPOINT_URL"
    iam = "$AWS_ENDPOINT_URL"
    sts = "$AWS_ENDPOINT_URL"
  }
}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "main" {
  cidr_block           = "10.141.0.0/16"
  enable_dns_hostnames = true
  tags                 = { Name = "e2e-terraform" }
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.141.1.0/24"
  availability_zone = data.aws_availability_zones.available.names[0]
  tags              = { Name = "e2e-terraform-a" }
}

resource "aws_subnet" "b" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.141.2.0/24"
  availability_zone       = data.aws_availability_zones.available.names[1]
  map_public_ip_on_launch = true
  tags                    = { Name = "e2e-terraform-b" }
}

resource "aws_security_group" "web" {
  name        = "e2e-terraform-web"
  description = "web tier"
  vpc_id      = aws_vpc.main.id

  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name        = "e2e-terraform-db"
  description = "database tier"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group_rule" "db_from_web" {
  type                     = "ingress"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.web.id
  security_group_id        = aws_security_group.db.id
}

resource "aws_vpc_security_group_ingress_rule" "db_admin" {
  security_group_id = aws_security_group.db.id
  cidr_ipv4         = "10.141.0.0/16"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}

resource "aws_ecs_cluster" "main" {
  name = "e2e-terraform"
}

resource "aws_iam_role" "task" {
  name = "e2e-terraform-task"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "web" {
  family                   = "e2e-terraform-web"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  task_role_arn            = aws_iam_role.task.arn
  container_definitions = jsonencode([{
    name         = "web"
    image        = "nginx:alpine"
    essential    = true
    portMappings = [{ containerPort = 80, protocol = "tcp" }]
  }])
}

output "vpc_id" {
  value = aws_vpc.main.id
}

output "main_route_table_id" {
  value = aws_vpc.main.main_route_table_id
}

output "default_network_acl_id" {
  value = aws_vpc.main.default_network_acl_id
}

output "default_security_group_id" {
  value = aws_vpc.main.default_security_group_id
}
EOF


tf init
TF_APPLIED=yes
tf apply -auto-approve

# What Terraform read back is what EC2 answers for the VPC's own route table, ACL and group.
vpc="$(tf_output vpc_id)"
rtb="$(tf_output main_route_table_id)"
acl="$(tf_output default_network_acl_id)"
sg="$(tf_output default_security_group_id)"
[[ "$rtb" == rtb-* && "$acl" == acl-* && "$sg" == sg-* ]] || { echo "missing VPC defaults: '$rtb' '$acl' '$sg'"; exit 1; }
[ "$(aws ec2 describe-route-tables --route-table-ids "$rtb" --query 'RouteTables[0].VpcId' --output text)" = "$vpc" ]
[ "$(aws ec2 describe-network-acls --network-acl-ids "$acl" \
  --query 'length(NetworkAcls[0].Associations)' --output text)" = 2 ]
[ "$(aws ec2 describe-vpc-attribute --vpc-id "$vpc" --attribute enableDnsHostnames \
  --query 'EnableDnsHostnames.Value' --output text)" = True ]

tf_plan_unchanged

tf destroy -auto-approve
TF_APPLIED=""
[ "$(aws ec2 describe-vpcs --filters "Name=vpc-id,Values=$vpc" --query 'length(Vpcs)' --output text)" = 0 ]
[ "$(aws ec2 describe-route-tables --filters "Name=vpc-id,Values=$vpc" --query 'length(RouteTables)' \
  --output text)" = 0 ]
echo ok
