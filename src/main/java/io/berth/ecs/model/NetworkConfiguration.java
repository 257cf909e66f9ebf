package io.berth.ecs.model;


public record NetworkConfiguration(AwsVpcConfiguration awsvpcConfiguration) {
}
