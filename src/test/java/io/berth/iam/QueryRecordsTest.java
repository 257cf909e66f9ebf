package io.berth.iam;

import io.berth.edge.AwsException;
import io.berth.edge.QueryCodec;
import io.berth.edge.QueryParameters;
import io.berth.edge.query.QueryRecords;
import io.berth.edge.query.QueryXml;
import io.berth.iam.model.IamShapes.AttachedPermissionsBoundary;
import io.berth.iam.model.IamShapes.NoResult;
import io.berth.iam.model.IamShapes.Role;
import io.berth.iam.model.IamShapes.RoleLastUsed;
import io.berth.iam.model.IamShapes.Tag;
import io.berth.iam.model.RoleMessages.CreateRoleRequest;
import io.berth.iam.model.RoleMessages.RoleResult;
import io.berth.iam.model.RoleMessages.UntagRoleRequest;
import io.berth.iam.model.UserMessages.ListUsersRequest;
import io.berth.iam.model.UserMessages.TagsResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryRecordsTest {

    @Test
    void decodesMembersListsAndNestedRecords() {
        QueryParameters form = QueryParameters.parse("Action=CreateRole&Version=2010-05-08&RoleName=app"
                + "&AssumeRolePolicyDocument=%7B%7D&MaxSessionDuration=7200"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=infra&Tags.member.2.Key=env&Tags.member.2.Value=");

        CreateRoleRequest request = QueryRecords.<CreateRoleRequest, RoleResult>codec(CreateRoleRequest.class).decode(form);

        assertThat(request).isEqualTo(new CreateRoleRequest(null, "app", "{}", null, 7200, null,
                List.of(new Tag("team", "infra"), new Tag("env", ""))));
    }

    @Test
    void anEmptyListIsEmptyAndAnAbsentOneNull() {
        QueryCodec<UntagRoleRequest, NoResult> codec = QueryRecords.codec(UntagRoleRequest.class);

        assertThat(codec.decode(QueryParameters.parse("RoleName=r&TagKeys=")).tagKeys()).isEmpty();
        assertThat(codec.decode(QueryParameters.parse("RoleName=r")).tagKeys()).isNull();
        assertThat(codec.decode(QueryParameters.parse("RoleName=r&TagKeys.member.1=a&TagKeys.member.2=b")).tagKeys())
                .containsExactly("a", "b");
    }

    @Test
    void aMalformedNumberIsRefused() {
        QueryCodec<ListUsersRequest, NoResult> codec = QueryRecords.codec(ListUsersRequest.class);

        assertThatThrownBy(() -> codec.decode(QueryParameters.parse("MaxItems=many")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void encodesAResultAsIamDoes() {
        Role role = new Role("/", "app", "AROA00000000000000001", "arn:aws:iam::000000000000:role/app",
                Instant.parse("2026-11-25T12:00:00.123Z"), "%7B%7D", "a & b", 3600,
                AttachedPermissionsBoundary.of("arn:aws:iam::aws:policy/AdministratorAccess"), List.of(new Tag("k", "v")),
                new RoleLastUsed(null, null));

        String xml = new String(QueryXml.response("GetRole", IamApi.NAMESPACE, "req-1",
                QueryRecords.<CreateRoleRequest, RoleResult>codec(CreateRoleRequest.class), new RoleResult(role)).body(),
                StandardCharsets.UTF_8);

        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<GetRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetRoleResult><Role>"
                + "<Path>/</Path><RoleName>app</RoleName><RoleId>AROA00000000000000001</RoleId>"
                + "<Arn>arn:aws:iam::000000000000:role/app</Arn><CreateDate>2026-11-25T12:00:00Z</CreateDate>"
                + "<AssumeRolePolicyDocument>%7B%7D</AssumeRolePolicyDocument><Description>a &amp; b</Description>"
                + "<MaxSessionDuration>3600</MaxSessionDuration><PermissionsBoundary>"
                + "<PermissionsBoundaryType>Policy</PermissionsBoundaryType>"
                + "<PermissionsBoundaryArn>arn:aws:iam::aws:policy/AdministratorAccess</PermissionsBoundaryArn>"
                + "</PermissionsBoundary><Tags><member><Key>k</Key><Value>v</Value></member></Tags>"
                + "<RoleLastUsed></RoleLastUsed></Role></GetRoleResult>"
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetRoleResponse>");
    }

    @Test
    void encodesListsAsMembersAndBooleansAsText() {
        String xml = new String(QueryXml.response("ListRoleTags", IamApi.NAMESPACE, "req-2",
                QueryRecords.<CreateRoleRequest, TagsResult>codec(CreateRoleRequest.class),
                new TagsResult(List.of(), false, null)).body(), StandardCharsets.UTF_8);

        assertThat(xml).contains("<ListRoleTagsResult><Tags></Tags><IsTruncated>false</IsTruncated></ListRoleTagsResult>");
    }
}
