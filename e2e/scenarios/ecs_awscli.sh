# Clusters and task definitions through the AWS CLI, as a user types them.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

arn="$(aws ecs create-cluster --cluster-name e2e-cli --query cluster.clusterArn --output text)"
[ "$arn" = "arn:aws:ecs:us-east-1:000000000000:cluster/e2e-cli" ] || { echo "bad arn $arn"; exit 1; }
aws ecs list-clusters --query 'clusterArns' --output text | grep -q "cluster/e2e-cli"
aws ecs tag-resource --resource-arn "$arn" --tags key=stage,value=test
[ "$(aws ecs list-tags-for-resource --resource-arn "$arn" --query 'tags[0].value' --output text)" = "test" ]

cat >"$dir/td.json" <<'JSON'
{
  "family": "e2e-cli",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [
    {"name": "app", "image": "busybox", "essential": true, "command": ["sleep", "3600"],
     "dependsOn": [{"containerName": "init", "condition": "COMPLETE"}]},
    {"name": "init", "image": "busybox", "essential": false, "command": ["true"]}
  ]
}
JSON
aws ecs register-task-definition --cli-input-json "file://$dir/td.json" >"$dir/out.json"
grep -q '"taskDefinitionArn": "arn:aws:ecs:us-east-1:000000000000:task-definition/e2e-cli:1"' "$dir/out.json"
[ "$(aws ecs describe-task-definition --task-definition e2e-cli --query 'taskDefinition.containerDefinitions[0].dependsOn[0].condition' --output text)" = "COMPLETE" ]

# Invalid input fails with the ECS error and a non-zero exit.
sed 's/"memory": "1024"/"memory": "512"/' "$dir/td.json" >"$dir/bad.json"
if aws ecs register-task-definition --cli-input-json "file://$dir/bad.json" 2>"$dir/err.txt"; then
  echo "invalid Fargate size accepted"; exit 1
fi
grep -q "ClientException" "$dir/err.txt"

aws ecs deregister-task-definition --task-definition e2e-cli:1 --query taskDefinition.status --output text | grep -qx INACTIVE
aws ecs delete-cluster --cluster e2e-cli --query cluster.status --output text | grep -qx INACTIVE
echo ok
