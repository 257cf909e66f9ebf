package io.berth.iam;

import io.berth.store.StoredJson;
import io.berth.store.StoredTag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users, roles and policies were stored with IAM's wire Tag record; their tags, {@code key} and
 * {@code value}, read into the stored tag as they are and are written again the same way.
 */
class StoredTagsTest {

    private static final String TAGS = "\"tags\":[{\"key\":\"Env\",\"value\":\"prod\"},{\"key\":\"team\",\"value\":\"\"}]";

    @Test
    void usersRolesAndPoliciesReadTheTagsTheyWereStoredWith() {
        StoredUser user = StoredJson.read("{\"userName\":\"alice\",\"userId\":\"AIDAEXAMPLE\",\"path\":\"/\","
                + TAGS + "}", StoredUser.class);
        StoredRole role = StoredJson.read("{\"roleName\":\"app\",\"roleId\":\"AROAEXAMPLE\",\"path\":\"/\","
                + TAGS + "}", StoredRole.class);
        StoredPolicy policy = StoredJson.read("{\"policyName\":\"read\",\"policyId\":\"ANPAEXAMPLE\",\"path\":\"/\","
                + TAGS + "}", StoredPolicy.class);

        for (List<StoredTag> tags : List.of(user.tags(), role.tags(), policy.tags())) {
            assertThat(tags).containsExactly(new StoredTag("Env", "prod"), new StoredTag("team", ""));
        }
        assertThat(StoredJson.write(user)).contains(TAGS);
        assertThat(StoredJson.write(role)).contains(TAGS);
        assertThat(StoredJson.write(policy)).contains(TAGS);
    }
}
