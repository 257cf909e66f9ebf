package io.berth.iam;

import io.berth.edge.RequestContext;
import io.berth.iam.model.IamShapes.AccessKey;
import io.berth.iam.model.IamShapes.AccessKeyLastUsed;
import io.berth.iam.model.IamShapes.AccessKeyMetadata;
import io.berth.iam.model.IamShapes.NoResult;
import io.berth.iam.model.UserMessages.CreateAccessKeyRequest;
import io.berth.iam.model.UserMessages.CreateAccessKeyResult;
import io.berth.iam.model.UserMessages.DeleteAccessKeyRequest;
import io.berth.iam.model.UserMessages.GetAccessKeyLastUsedRequest;
import io.berth.iam.model.UserMessages.GetAccessKeyLastUsedResult;
import io.berth.iam.model.UserMessages.ListAccessKeysRequest;
import io.berth.iam.model.UserMessages.ListAccessKeysResult;
import io.berth.iam.model.UserMessages.UpdateAccessKeyRequest;
import io.berth.kit.PageTokens.Page;
import io.berth.kit.ServiceContext;
import io.berth.store.Documents;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static io.berth.iam.Violations.ACCESS_KEY_ID;
import static io.berth.iam.Violations.EXISTING_USER_NAME;

/**
 * Users' long-term access keys: at most two per user, the secret shown once, by CreateAccessKey.
 * Without a UserName the signing IAM user means itself.
 */
final class AccessKeys {

    static final String ACTIVE = "Active";
    static final String INACTIVE = "Inactive";
    private static final int MAX_PER_USER = 2;

    private final ServiceContext<IamIds> iam;

    AccessKeys(ServiceContext<IamIds> iam) {
        this.iam = iam;
    }

    CreateAccessKeyResult createAccessKey(RequestContext context, CreateAccessKeyRequest request) {
        Violations.check().optional("userName", request.userName(), EXISTING_USER_NAME).done();
        String name = Callers.userName(context, request.userName());
        String account = context.accountId();
        return iam.write(documents -> {
            StoredUser user = Users.require(documents, account, name);
            if (user.accessKeys().size() >= MAX_PER_USER) {
                throw IamErrors.quota("AccessKeysPerUser", MAX_PER_USER);
            }
            StoredAccessKey key = new StoredAccessKey(account, user.userName(), iam.ids().accessKeyId(),
                    iam.ids().secretAccessKey(), ACTIVE, iam.now(), null, null, null);
            IamRepository.saveAccessKey(documents, key);
            List<String> keys = new ArrayList<>(user.accessKeys());
            keys.add(key.accessKeyId());
            IamRepository.saveUser(documents, account, user.withAccessKeys(keys));
            return new CreateAccessKeyResult(new AccessKey(key.userName(), key.accessKeyId(), key.status(),
                    key.secretAccessKey(), key.createDate()));
        });
    }

    ListAccessKeysResult listAccessKeys(RequestContext context, ListAccessKeysRequest request) {
        Violations.check().optional("userName", request.userName(), EXISTING_USER_NAME).marker(request.marker())
                .maxItems(request.maxItems()).done();
        String name = Callers.userName(context, request.userName());
        String account = context.accountId();
        List<StoredAccessKey> keys = iam.read(documents -> Users.require(documents, account, name).accessKeys().stream()
                .flatMap(id -> IamRepository.accessKey(documents, id).stream())
                .sorted(Comparator.comparing(AccessKeys::pageKey)).toList());
        Page<StoredAccessKey> page = IamPaging.slice(keys, AccessKeys::pageKey, request.marker(),
                request.maxItems());
        return new ListAccessKeysResult(page.items().stream()
                .map(k -> new AccessKeyMetadata(k.userName(), k.accessKeyId(), k.status(), k.createDate())).toList(),
                page.truncated(), page.nextToken());
    }

    NoResult updateAccessKey(RequestContext context, UpdateAccessKeyRequest request) {
        Violations.check().optional("userName", request.userName(), EXISTING_USER_NAME)
                .text("accessKeyId", request.accessKeyId(), ACCESS_KEY_ID).required("status", request.status())
                .oneOf("status", request.status(), Set.of(ACTIVE, INACTIVE)).done();
        String name = Callers.userName(context, request.userName());
        String account = context.accountId();
        return iam.write(documents -> {
            StoredAccessKey key = owned(documents, account, name, request.accessKeyId());
            IamRepository.saveAccessKey(documents, key.withStatus(request.status()));
            return new NoResult();
        });
    }

    NoResult deleteAccessKey(RequestContext context, DeleteAccessKeyRequest request) {
        Violations.check().optional("userName", request.userName(), EXISTING_USER_NAME)
                .text("accessKeyId", request.accessKeyId(), ACCESS_KEY_ID).done();
        String name = Callers.userName(context, request.userName());
        String account = context.accountId();
        return iam.write(documents -> {
            StoredAccessKey key = owned(documents, account, name, request.accessKeyId());
            StoredUser user = Users.require(documents, account, name);
            IamRepository.saveUser(documents, account, user.withAccessKeys(
                    user.accessKeys().stream().filter(id -> !id.equals(key.accessKeyId())).toList()));
            IamRepository.deleteAccessKey(documents, key.accessKeyId());
            return new NoResult();
        });
    }

    /** A key of another account, or none, is not the caller's to ask about: IAM denies rather than says. */
    GetAccessKeyLastUsedResult getAccessKeyLastUsed(RequestContext context, GetAccessKeyLastUsedRequest request) {
        Violations.check().text("accessKeyId", request.accessKeyId(), ACCESS_KEY_ID).done();
        StoredAccessKey key = iam.read(documents -> IamRepository.accessKey(documents, request.accessKeyId()))
                .filter(k -> k.accountId().equals(context.accountId()))
                .orElseThrow(() -> IamErrors.accessDenied("User: " + context.principal().arn()
                        + " is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key "
                        + request.accessKeyId()));
        AccessKeyLastUsed lastUsed = key.lastUsedDate() == null ? new AccessKeyLastUsed(null, "N/A", "N/A")
                : new AccessKeyLastUsed(key.lastUsedDate(), key.lastUsedService(), key.lastUsedRegion());
        return new GetAccessKeyLastUsedResult(key.userName(), lastUsed);
    }

    /** The key, if it belongs to the named user (who must exist). */
    private static StoredAccessKey owned(Documents documents, String account, String userName, String accessKeyId) {
        StoredUser user = Users.require(documents, account, userName);
        return IamRepository.accessKey(documents, accessKeyId)
                .filter(k -> k.accountId().equals(account) && user.accessKeys().contains(k.accessKeyId()))
                .orElseThrow(() -> IamErrors.accessKeyNotFound(accessKeyId));
    }

    /** Keys are listed oldest first (creation times are whole seconds, ISO-8601 text sorts as time does). */
    private static String pageKey(StoredAccessKey key) {
        return DateTimeFormatter.ISO_INSTANT.format(key.createDate().truncatedTo(ChronoUnit.SECONDS)) + key.accessKeyId();
    }
}
