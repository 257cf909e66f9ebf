# Terraform with the AWS provider adopts a region's default VPC, a default subnet and the default
# security group, adds a group whose rules are the standalone rule resources (tagged sgr- rules,
# one naming another group), and creates two network interfaces (one address chosen by Berth, one
# given); a second plan finds nothing to change; changing a rule and the interfaces in place
# applies and plans clean too; destroy removes what it made while the defaults stay, as on AWS. It works in a region of its own, so the default group it rewrites is
# no other scenario's.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

REGION=ap-southeast-2
terraform_setup
TF_DESTROY_ARGS=(-var changed=true)

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
  region                  = "$REGION"
  skip_metadata_api_check = true
  endpoints {
    ec2 = "$AWS_ENDPOINT_URL"
    sts = "$AWS_ENDPOINT_URL"
  }
}

variable "changed" {
  type    = bool
  default = false
}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_default_vpc" "default" {
  tags = { Name = "e2e-default" }
}

resource "aws_default_subnet" "a" {
  availability_zone = data.aws_availability_zones.available.names[0]
  tags              = { Name = "e2e-default-a" }
}

# The rules every default group starts with, so adopting it changes nothing tasks rely on.
resource "aws_default_security_group" "default" {
  vpc_id = aws_default_vpc.default.id

  ingress {
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = { Name = "e2e-default" }
}

resource "aws_security_group" "app" {
  name        = "e2e-defaults-app"
  description = "app tier"
  vpc_id      = aws_default_vpc.default.id
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = aws_default_vpc.default.cidr_block
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  description       = var.changed ? "https from the VPC" : "https inside the VPC"
  tags              = { Name = "https" }
}

resource "aws_vpc_security_group_ingress_rule" "from_default" {
  security_group_id            = aws_security_group.app.id
  referenced_security_group_id = aws_default_security_group.default.id
  from_port                    = 8080
  to_port                      = 8080
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "all_out" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_network_interface" "chosen" {
  subnet_id       = aws_default_subnet.a.id
  security_groups = var.changed ? [aws_security_group.app.id, aws_default_security_group.default.id] : [aws_security_group.app.id]
  description     = var.changed ? "changed" : "address chosen by Berth"
  tags            = { Name = "e2e-chosen" }
}

resource "aws_network_interface" "given" {
  subnet_id         = aws_default_subnet.a.id
  private_ips       = [cidrhost(aws_default_subnet.a.cidr_block, 100)]
  source_dest_check = var.changed
}

output "vpc_id" {
  value = aws_default_vpc.default.id
}

output "subnet_id" {
  value = aws_default_subnet.a.id
}

output "app_group_id" {
  value = aws_security_group.app.id
}

output "https_rule_id" {
  value = aws_vpc_security_group_ingress_rule.https.security_group_rule_id
}

output "chosen_id" {
  value = aws_network_interface.chosen.id
}

output "given_id" {
  value = aws_network_interface.given.id
}

output "given_address" {
  value = aws_network_interface.given.private_ip
}
EOF

ec2() {
  aws --region "$REGION" ec2 "$@"
}

tf init
TF_APPLIED=yes
tf apply -auto-approve

# What Terraform made is what EC2 answers: the default VPC and subnet, interfaces users own.
vpc="$(tf_output vpc_id)"
subnet="$(tf_output subnet_id)"
[ "$(ec2 describe-vpcs --vpc-ids "$vpc" --query 'Vpcs[0].IsDefault' --output text)" = True ]
[ "$(ec2 describe-subnets --subnet-ids "$subnet" --query 'Subnets[0].DefaultForAz' --output text)" = True ]
[ "$(tf_output given_address)" = "172.31.0.100" ] || { echo "given address: $(tf_output given_address)"; exit 1; }
[ "$(ec2 describe-network-interfaces --network-interface-ids "$(tf_output given_id)" \
  --query 'NetworkInterfaces[0].[Status,RequesterManaged,SourceDestCheck]' --output text)" = "available	False	False" ]
[ "$(ec2 describe-network-interfaces --network-interface-ids "$(tf_output chosen_id)" \
  --query 'NetworkInterfaces[0].Groups[0].GroupId' --output text)" = "$(tf_output app_group_id)" ]
[ "$(ec2 describe-security-group-rules --security-group-rule-ids "$(tf_output https_rule_id)" \
  --query 'SecurityGroupRules[0].Tags[0].Value' --output text)" = https ]

tf_plan_unchanged

# Changed in place: ModifySecurityGroupRules and ModifyNetworkInterfaceAttribute, then nothing more to do.
tf apply -auto-approve -var changed=true
[ "$(ec2 describe-network-interfaces --network-interface-ids "$(tf_output chosen_id)" \
  --query 'length(NetworkInterfaces[0].Groups)' --output text)" = 2 ]
[ "$(ec2 describe-security-group-rules --security-group-rule-ids "$(tf_output https_rule_id)" \
  --query 'SecurityGroupRules[0].Description' --output text)" = "https from the VPC" ]
tf_plan_unchanged -var changed=true

tf destroy -auto-approve -var changed=true
TF_APPLIED=""
[ "$(ec2 describe-network-interfaces --filters "Name=vpc-id,Values=$vpc" --query 'length(NetworkInterfaces)' \
  --output text)" = 0 ]
[ "$(ec2 describe-security-groups --filters "Name=vpc-id,Values=$vpc" --query 'length(SecurityGroups)' \
  --output text)" = 1 ]
# The defaults stay: destroying them only forgets them, as on AWS.
[ "$(ec2 describe-vpcs --vpc-ids "$vpc" --query 'length(Vpcs)' --output text)" = 1 ]
echo ok
