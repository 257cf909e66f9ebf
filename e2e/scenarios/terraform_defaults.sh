# Terraform with the AWS provider adopts a region's default VPC, a default subnet and the default
# security group, adds a group whose rules are the standalone rule resources (tagged sgr- rules,
# one naming another group), and creates two network interfaces (one address chosen by Berth, one
# given); a second plan finds nothing to change; changing a rule and the interfaces in place
# applies and plans clean too; destroy removes what it made while the defaults stay, as on AWS. It works in a region of its own, so the default group it rewrites is
# no other scenario's. Skipped (exit 0) only when terraform or its provider mirror is not installed.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

TERRAFORM="${TERRAFORM:-terraform}"
MIRROR="${TF_PLUGIN_MIRROR:-/opt/tf-plugins}"
PROVIDER_VERSION=5.100.0
REGION=ap-southeast-2
if ! command -v "$TERRAFORM" >/dev/null 2>&1; then
  echo "SKIP: terraform is not installed (looked for '$TERRAFORM'); nothing was tested"
  exit 0
fi
if [ ! -d "$MIRROR/registry.terraform.io/hashicorp/aws/$PROVIDER_VERSION" ]; then
  echo "SKIP: no hashicorp/aws $PROVIDER_VERSION in the provider mirror $MIRROR; nothing was tested"
  exit 0
fi

dir="$(mktemp -d)"
applied=""
cleanup() {
  # A failed run leaves nothing behind in the shared Berth: destroy what was applied, quietly.
  if [ -n "$applied" ]; then
    "$TERRAFORM" -chdir="$dir" destroy -auto-approve -input=false -no-color -var changed=true >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

export TF_CLI_CONFIG_FILE="$dir/cli.tfrc" TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
unset TF_DATA_DIR TF_PLUGIN_CACHE_DIR TF_WORKSPACE
cat >"$TF_CLI_CONFIG_FILE" <<EOF
provider_installation {
  filesystem_mirror {
    path = "$MIRROR"
  }
}
EOF

cat >"$dir/main.tf" <<EOF
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "$PROVIDER_VERSION"
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

tf() {
  echo "+ terraform $*"
  "$TERRAFORM" -chdir="$dir" "$@" -input=false -no-color
}
output() {
  "$TERRAFORM" -chdir="$dir" output -raw "$1"
}
ec2() {
  aws --region "$REGION" ec2 "$@"
}

tf init
applied=yes
tf apply -auto-approve

# What Terraform made is what EC2 answers: the default VPC and subnet, interfaces users own.
vpc="$(output vpc_id)"
subnet="$(output subnet_id)"
[ "$(ec2 describe-vpcs --vpc-ids "$vpc" --query 'Vpcs[0].IsDefault' --output text)" = True ]
[ "$(ec2 describe-subnets --subnet-ids "$subnet" --query 'Subnets[0].DefaultForAz' --output text)" = True ]
[ "$(output given_address)" = "172.31.0.100" ] || { echo "given address: $(output given_address)"; exit 1; }
[ "$(ec2 describe-network-interfaces --network-interface-ids "$(output given_id)" \
  --query 'NetworkInterfaces[0].[Status,RequesterManaged,SourceDestCheck]' --output text)" = "available	False	False" ]
[ "$(ec2 describe-network-interfaces --network-interface-ids "$(output chosen_id)" \
  --query 'NetworkInterfaces[0].Groups[0].GroupId' --output text)" = "$(output app_group_id)" ]
[ "$(ec2 describe-security-group-rules --security-group-rule-ids "$(output https_rule_id)" \
  --query 'SecurityGroupRules[0].Tags[0].Value' --output text)" = https ]

set +e
tf plan -detailed-exitcode
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "a second plan wants changes or failed (exit $status): Berth answered differently from what was applied"
  exit 1
fi

# Changed in place: ModifySecurityGroupRules and ModifyNetworkInterfaceAttribute, then nothing more to do.
tf apply -auto-approve -var changed=true
[ "$(ec2 describe-network-interfaces --network-interface-ids "$(output chosen_id)" \
  --query 'length(NetworkInterfaces[0].Groups)' --output text)" = 2 ]
[ "$(ec2 describe-security-group-rules --security-group-rule-ids "$(output https_rule_id)" \
  --query 'SecurityGroupRules[0].Description' --output text)" = "https from the VPC" ]
set +e
tf plan -detailed-exitcode -var changed=true
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "a plan after the change wants changes or failed (exit $status)"
  exit 1
fi

tf destroy -auto-approve -var changed=true
applied=""
[ "$(ec2 describe-network-interfaces --filters "Name=vpc-id,Values=$vpc" --query 'length(NetworkInterfaces)' \
  --output text)" = 0 ]
[ "$(ec2 describe-security-groups --filters "Name=vpc-id,Values=$vpc" --query 'length(SecurityGroups)' \
  --output text)" = 1 ]
# The defaults stay: destroying them only forgets them, as on AWS.
[ "$(ec2 describe-vpcs --vpc-ids "$vpc" --query 'length(Vpcs)' --output text)" = 1 ]
echo ok
