package io.berth.iam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The AWS managed policies Berth knows, under arn:aws:iam::aws:policy/..., with the documents of
 * their current default versions as AWS publishes them — except ReadOnlyAccess, which keeps only
 * the actions of the services Berth serves or that ECS users commonly read (its real document
 * lists some 2,700 actions). They exist in every account, can be attached and used as
 * boundaries, and cannot be changed or deleted. Only the default version is kept; policy ids are
 * derived from the name (AWS's own ids are not published here).
 */
final class AwsManagedPolicies {

    /** One AWS managed policy. */
    record AwsPolicy(String name, String path, String description, String defaultVersionId, Instant createDate,
                     Instant updateDate, String document) {
        String arn() {
            return IamArns.of(IamArns.AWS, "policy", path, name);
        }

        String policyId() {
            return derivedId(name);
        }
    }

    private static final List<AwsPolicy> ALL = List.of(
            new AwsPolicy("AdministratorAccess", "/",
                    "Provides full access to AWS services and resources.",
                    "v1", Instant.parse("2015-02-06T18:39:46Z"),
                    Instant.parse("2015-02-06T18:39:46Z"), """
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Effect": "Allow",
                          "Action": "*",
                          "Resource": "*"
                        }
                      ]
                    }
                    """),
            new AwsPolicy("ReadOnlyAccess", "/",
                    "Provides read-only access to AWS services and resources.",
                    "v182", Instant.parse("2015-02-06T18:39:48Z"),
                    Instant.parse("2026-04-03T15:27:12Z"), """
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Sid": "ReadOnlyActionsGroup1",
                          "Effect": "Allow",
                          "Action": [
                            "application-autoscaling:Describe*",
                            "application-autoscaling:GetPredictiveScalingForecast",
                            "application-autoscaling:ListTagsForResource",
                            "ce:DescribeCostCategoryDefinition",
                            "ce:DescribeNotificationSubscription",
                            "ce:DescribeReport",
                            "ce:GetAnomalies",
                            "ce:GetAnomalyMonitors",
                            "ce:GetAnomalySubscriptions",
                            "ce:GetApproximateUsageRecords",
                            "ce:GetCommitmentPurchaseAnalysis",
                            "ce:GetCostAndUsage",
                            "ce:GetCostAndUsageComparisons",
                            "ce:GetCostAndUsageWithResources",
                            "ce:GetCostCategories",
                            "ce:GetCostComparisonDrivers",
                            "ce:GetCostForecast",
                            "ce:GetDimensionValues",
                            "ce:GetPreferences",
                            "ce:GetReservationCoverage",
                            "ce:GetReservationPurchaseRecommendation",
                            "ce:GetReservationUtilization",
                            "ce:GetRightsizingRecommendation",
                            "ce:GetSavingsPlanPurchaseRecommendationDetails",
                            "ce:GetSavingsPlansCoverage",
                            "ce:GetSavingsPlansPurchaseRecommendation",
                            "ce:GetSavingsPlansUtilization",
                            "ce:GetSavingsPlansUtilizationDetails",
                            "ce:GetTags",
                            "ce:GetUsageForecast",
                            "ce:ListCommitmentPurchaseAnalyses",
                            "ce:ListCostAllocationTagBackfillHistory",
                            "ce:ListCostAllocationTags",
                            "ce:ListCostCategoryDefinitions",
                            "ce:ListCostCategoryResourceAssociations",
                            "ce:ListSavingsPlansPurchaseRecommendationGeneration",
                            "ce:ListTagsForResource",
                            "cloudwatch:Describe*",
                            "cloudwatch:GenerateQuery",
                            "cloudwatch:GenerateQueryResultsSummary",
                            "cloudwatch:Get*",
                            "cloudwatch:List*",
                            "ec2:Describe*",
                            "ec2:DescribeInstanceImageMetadata",
                            "ec2:Get*",
                            "ec2:ListImagesInRecycleBin",
                            "ec2:ListSnapshotsInRecycleBin",
                            "ec2:SearchLocalGatewayRoutes",
                            "ec2:SearchTransitGatewayRoutes",
                            "ecr:BatchCheck*",
                            "ecr:BatchGet*",
                            "ecr:Describe*",
                            "ecr:Get*",
                            "ecr:List*",
                            "ecs:Describe*",
                            "ecs:List*",
                            "elasticloadbalancing:Describe*",
                            "iam:Generate*",
                            "iam:Get*",
                            "iam:List*",
                            "iam:Simulate*"
                          ],
                          "Resource": "*"
                        },
                        {
                          "Sid": "ReadOnlyActionsGroup2",
                          "Effect": "Allow",
                          "Action": [
                            "logs:Describe*",
                            "logs:FilterLogEvents",
                            "logs:Get*",
                            "logs:ListAggregateLogGroupSummaries",
                            "logs:ListAnomalies",
                            "logs:ListEntitiesForLogGroup",
                            "logs:ListIntegrations",
                            "logs:ListLogAnomalyDetectors",
                            "logs:ListLogDeliveries",
                            "logs:ListLogGroupsForEntity",
                            "logs:ListLogGroupsForQuery",
                            "logs:ListScheduledQueries",
                            "logs:ListSourcesForS3TableIntegration",
                            "logs:ListTagsForResource",
                            "logs:ListTagsLogGroup",
                            "logs:StartLiveTail",
                            "logs:StartQuery",
                            "logs:StopLiveTail",
                            "logs:StopQuery",
                            "logs:TestMetricFilter",
                            "servicediscovery:DiscoverInstances",
                            "servicediscovery:DiscoverInstancesRevision",
                            "servicediscovery:Get*",
                            "servicediscovery:List*",
                            "sts:GetAccessKeyInfo",
                            "sts:GetCallerIdentity",
                            "sts:GetSessionToken"
                          ],
                          "Resource": "*"
                        }
                      ]
                    }
                    """),
            new AwsPolicy("AmazonECS_FullAccess", "/",
                    "Provides administrative access to Amazon ECS resources and enables ECS features through access to other AWS service resources, including VPCs, Auto Scaling groups, and CloudFormation stacks.",
                    "v21", Instant.parse("2017-11-07T21:36:54Z"),
                    Instant.parse("2024-08-13T19:39:37Z"), """
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Sid": "ECSIntegrationsManagementPolicy",
                          "Effect": "Allow",
                          "Action": [
                            "application-autoscaling:DeleteScalingPolicy",
                            "application-autoscaling:DeregisterScalableTarget",
                            "application-autoscaling:DescribeScalableTargets",
                            "application-autoscaling:DescribeScalingActivities",
                            "application-autoscaling:DescribeScalingPolicies",
                            "application-autoscaling:PutScalingPolicy",
                            "application-autoscaling:RegisterScalableTarget",
                            "appmesh:DescribeVirtualGateway",
                            "appmesh:DescribeVirtualNode",
                            "appmesh:ListMeshes",
                            "appmesh:ListVirtualGateways",
                            "appmesh:ListVirtualNodes",
                            "autoscaling:CreateAutoScalingGroup",
                            "autoscaling:CreateLaunchConfiguration",
                            "autoscaling:DeleteAutoScalingGroup",
                            "autoscaling:DeleteLaunchConfiguration",
                            "autoscaling:Describe*",
                            "autoscaling:UpdateAutoScalingGroup",
                            "cloudformation:CreateStack",
                            "cloudformation:DeleteStack",
                            "cloudformation:DescribeStack*",
                            "cloudformation:UpdateStack",
                            "cloudwatch:DeleteAlarms",
                            "cloudwatch:DescribeAlarms",
                            "cloudwatch:GetMetricStatistics",
                            "cloudwatch:PutMetricAlarm",
                            "codedeploy:BatchGetApplicationRevisions",
                            "codedeploy:BatchGetApplications",
                            "codedeploy:BatchGetDeploymentGroups",
                            "codedeploy:BatchGetDeployments",
                            "codedeploy:ContinueDeployment",
                            "codedeploy:CreateApplication",
                            "codedeploy:CreateDeployment",
                            "codedeploy:CreateDeploymentGroup",
                            "codedeploy:GetApplication",
                            "codedeploy:GetApplicationRevision",
                            "codedeploy:GetDeployment",
                            "codedeploy:GetDeploymentConfig",
                            "codedeploy:GetDeploymentGroup",
                            "codedeploy:GetDeploymentTarget",
                            "codedeploy:ListApplicationRevisions",
                            "codedeploy:ListApplications",
                            "codedeploy:ListDeploymentConfigs",
                            "codedeploy:ListDeploymentGroups",
                            "codedeploy:ListDeployments",
                            "codedeploy:ListDeploymentTargets",
                            "codedeploy:RegisterApplicationRevision",
                            "codedeploy:StopDeployment",
                            "ec2:AssociateRouteTable",
                            "ec2:AttachInternetGateway",
                            "ec2:AuthorizeSecurityGroupIngress",
                            "ec2:CancelSpotFleetRequests",
                            "ec2:CreateInternetGateway",
                            "ec2:CreateLaunchTemplate",
                            "ec2:CreateRoute",
                            "ec2:CreateRouteTable",
                            "ec2:CreateSecurityGroup",
                            "ec2:CreateSubnet",
                            "ec2:CreateVpc",
                            "ec2:DeleteLaunchTemplate",
                            "ec2:DeleteSubnet",
                            "ec2:DeleteVpc",
                            "ec2:Describe*",
                            "ec2:DetachInternetGateway",
                            "ec2:DisassociateRouteTable",
                            "ec2:ModifySubnetAttribute",
                            "ec2:ModifyVpcAttribute",
                            "ec2:RequestSpotFleet",
                            "ec2:RunInstances",
                            "ecs:*",
                            "elasticfilesystem:DescribeAccessPoints",
                            "elasticfilesystem:DescribeFileSystems",
                            "elasticloadbalancing:CreateListener",
                            "elasticloadbalancing:CreateLoadBalancer",
                            "elasticloadbalancing:CreateRule",
                            "elasticloadbalancing:CreateTargetGroup",
                            "elasticloadbalancing:DeleteListener",
                            "elasticloadbalancing:DeleteLoadBalancer",
                            "elasticloadbalancing:DeleteRule",
                            "elasticloadbalancing:DeleteTargetGroup",
                            "elasticloadbalancing:DescribeListeners",
                            "elasticloadbalancing:DescribeLoadBalancers",
                            "elasticloadbalancing:DescribeRules",
                            "elasticloadbalancing:DescribeTargetGroups",
                            "events:DeleteRule",
                            "events:DescribeRule",
                            "events:ListRuleNamesByTarget",
                            "events:ListTargetsByRule",
                            "events:PutRule",
                            "events:PutTargets",
                            "events:RemoveTargets",
                            "fsx:DescribeFileSystems",
                            "iam:ListAttachedRolePolicies",
                            "iam:ListInstanceProfiles",
                            "iam:ListRoles",
                            "lambda:ListFunctions",
                            "logs:CreateLogGroup",
                            "logs:DescribeLogGroups",
                            "logs:FilterLogEvents",
                            "route53:CreateHostedZone",
                            "route53:DeleteHostedZone",
                            "route53:GetHealthCheck",
                            "route53:GetHostedZone",
                            "route53:ListHostedZonesByName",
                            "servicediscovery:CreatePrivateDnsNamespace",
                            "servicediscovery:CreateService",
                            "servicediscovery:DeleteService",
                            "servicediscovery:GetNamespace",
                            "servicediscovery:GetOperation",
                            "servicediscovery:GetService",
                            "servicediscovery:ListNamespaces",
                            "servicediscovery:ListServices",
                            "servicediscovery:UpdateService",
                            "sns:ListTopics"
                          ],
                          "Resource": [
                            "*"
                          ]
                        },
                        {
                          "Sid": "SSMPolicy",
                          "Effect": "Allow",
                          "Action": [
                            "ssm:GetParameter",
                            "ssm:GetParameters",
                            "ssm:GetParametersByPath"
                          ],
                          "Resource": "arn:aws:ssm:*:*:parameter/aws/service/ecs*"
                        },
                        {
                          "Sid": "ManagedCloudformationResourcesCleanupPolicy",
                          "Effect": "Allow",
                          "Action": [
                            "ec2:DeleteInternetGateway",
                            "ec2:DeleteRoute",
                            "ec2:DeleteRouteTable",
                            "ec2:DeleteSecurityGroup"
                          ],
                          "Resource": [
                            "*"
                          ],
                          "Condition": {
                            "StringLike": {
                              "ec2:ResourceTag/aws:cloudformation:stack-name": "EC2ContainerService-*"
                            }
                          }
                        },
                        {
                          "Sid": "TasksPassRolePolicy",
                          "Effect": "Allow",
                          "Action": "iam:PassRole",
                          "Resource": [
                            "*"
                          ],
                          "Condition": {
                            "StringLike": {
                              "iam:PassedToService": "ecs-tasks.amazonaws.com"
                            }
                          }
                        },
                        {
                          "Sid": "InfrastructurePassRolePolicy",
                          "Effect": "Allow",
                          "Action": "iam:PassRole",
                          "Resource": [
                            "arn:aws:iam::*:role/ecsInfrastructureRole"
                          ],
                          "Condition": {
                            "StringEquals": {
                              "iam:PassedToService": "ecs.amazonaws.com"
                            }
                          }
                        },
                        {
                          "Sid": "InstancePassRolePolicy",
                          "Effect": "Allow",
                          "Action": "iam:PassRole",
                          "Resource": [
                            "arn:aws:iam::*:role/ecsInstanceRole*"
                          ],
                          "Condition": {
                            "StringLike": {
                              "iam:PassedToService": [
                                "ec2.amazonaws.com",
                                "ec2.amazonaws.com.cn"
                              ]
                            }
                          }
                        },
                        {
                          "Sid": "AutoScalingPassRolePolicy",
                          "Effect": "Allow",
                          "Action": "iam:PassRole",
                          "Resource": [
                            "arn:aws:iam::*:role/ecsAutoscaleRole*"
                          ],
                          "Condition": {
                            "StringLike": {
                              "iam:PassedToService": [
                                "application-autoscaling.amazonaws.com",
                                "application-autoscaling.amazonaws.com.cn"
                              ]
                            }
                          }
                        },
                        {
                          "Sid": "ServiceLinkedRoleCreationPolicy",
                          "Effect": "Allow",
                          "Action": "iam:CreateServiceLinkedRole",
                          "Resource": "*",
                          "Condition": {
                            "StringLike": {
                              "iam:AWSServiceName": [
                                "ecs.amazonaws.com",
                                "autoscaling.amazonaws.com",
                                "ecs.application-autoscaling.amazonaws.com",
                                "spot.amazonaws.com",
                                "spotfleet.amazonaws.com"
                              ]
                            }
                          }
                        },
                        {
                          "Sid": "ELBTaggingPolicy",
                          "Effect": "Allow",
                          "Action": [
                            "elasticloadbalancing:AddTags"
                          ],
                          "Resource": "*",
                          "Condition": {
                            "StringEquals": {
                              "elasticloadbalancing:CreateAction": [
                                "CreateTargetGroup",
                                "CreateRule",
                                "CreateListener",
                                "CreateLoadBalancer"
                              ]
                            }
                          }
                        }
                      ]
                    }
                    """),
            new AwsPolicy("AmazonECSTaskExecutionRolePolicy", "/service-role/",
                    "Provides access to other AWS service resources that are required to run Amazon ECS tasks",
                    "v1", Instant.parse("2017-11-16T18:48:22Z"),
                    Instant.parse("2017-11-16T18:48:22Z"), """
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Effect": "Allow",
                          "Action": [
                            "ecr:GetAuthorizationToken",
                            "ecr:BatchCheckLayerAvailability",
                            "ecr:GetDownloadUrlForLayer",
                            "ecr:BatchGetImage",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents"
                          ],
                          "Resource": "*"
                        }
                      ]
                    }
                    """),
            new AwsPolicy("CloudWatchLogsFullAccess", "/",
                    "Provides full access to CloudWatch Logs",
                    "v8", Instant.parse("2015-02-06T18:40:02Z"),
                    Instant.parse("2026-02-12T18:00:33Z"), """
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Sid": "CloudWatchLogsFullAccess",
                          "Effect": "Allow",
                          "Action": [
                            "logs:*",
                            "cloudwatch:GenerateQuery",
                            "cloudwatch:GenerateQueryResultsSummary",
                            "observabilityadmin:GetS3TableIntegration",
                            "observabilityadmin:ListS3TableIntegrations",
                            "observabilityadmin:ListTelemetryPipelines"
                          ],
                          "Resource": "*"
                        }
                      ]
                    }
                    """));

    private AwsManagedPolicies() {
    }

    static List<AwsPolicy> all() {
        return ALL;
    }

    static Optional<AwsPolicy> byArn(String arn) {
        return ALL.stream().filter(p -> p.arn().equals(arn)).findFirst();
    }

    /** A stable ANPA… id for a policy whose real id Berth does not carry. */
    private static String derivedId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            StringBuilder id = new StringBuilder("ANPA");
            for (int i = 0; id.length() < 21; i++) {
                id.append(alphabet.charAt((digest[i] & 0xFF) % 32));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
