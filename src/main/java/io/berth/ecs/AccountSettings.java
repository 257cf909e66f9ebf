package io.berth.ecs;

import io.berth.ecs.model.DeleteAccountSettingRequest;
import io.berth.ecs.model.ListAccountSettingsRequest;
import io.berth.ecs.model.ListAccountSettingsResponse;
import io.berth.ecs.model.PutAccountSettingDefaultRequest;
import io.berth.ecs.model.PutAccountSettingRequest;
import io.berth.ecs.model.Setting;
import io.berth.ecs.model.SettingResponse;
import io.berth.edge.Principal;
import io.berth.edge.RequestContext;
import io.berth.kit.Arn;
import io.berth.kit.Scope;
import io.berth.store.Documents;
import io.berth.store.Store;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ECS account settings operations. Settings are kept per principal (IAM user, role, or the
 * root user, whose settings are the account defaults) in each account and region.
 */
public final class AccountSettings {

    private static final int MAX_RESULTS = 10;
    private static final Pattern PRINCIPAL = Pattern.compile("arn:aws:iam::(\\d{12}):(root|user/.+|role/.+)");

    private final Store store;

    public AccountSettings(Store store) {
        this.store = store;
    }

    public ListAccountSettingsResponse listAccountSettings(RequestContext context, ListAccountSettingsRequest request) {
        if (request.value() != null && request.name() == null) {
            throw EcsErrors.invalidParameter("name must be specified when value is specified.");
        }
        if (request.name() != null) {
            AccountSettingRules.definition(request.name());
        }
        int limit = request.maxResults() == null ? MAX_RESULTS : request.maxResults();
        if (limit < 1 || limit > MAX_RESULTS) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and " + MAX_RESULTS + ".");
        }
        String after = Pagination.TOKENS.decode(request.nextToken());
        String target = target(context, request.principalArn());
        String root = rootArn(context);
        String scope = Scope.of(context).key();
        List<Setting> settings = store.read(documents -> {
            Map<String, String> own = AccountSettingRepository.of(documents, scope, target);
            if (Boolean.TRUE.equals(request.effectiveSettings())) {
                return AccountSettingRules.effective(target, root, own,
                        AccountSettingRepository.of(documents, scope, root));
            }
            return own.entrySet().stream()
                    .map(e -> new Setting(e.getKey(), e.getValue(), target,
                            AccountSettingRules.definition(e.getKey()).type()))
                    .sorted(java.util.Comparator.comparing(Setting::name))
                    .toList();
        });
        List<Setting> matching = settings.stream()
                .filter(s -> request.name() == null || s.name().equals(request.name()))
                .filter(s -> request.value() == null || s.value().equals(request.value()))
                .filter(s -> after == null || s.name().compareTo(after) > 0)
                .toList();
        List<Setting> page = matching.subList(0, Math.min(limit, matching.size()));
        String next = matching.size() > limit ? Pagination.TOKENS.encode(page.getLast().name()) : null;
        return new ListAccountSettingsResponse(page, next);
    }

    public SettingResponse putAccountSetting(RequestContext context, PutAccountSettingRequest request) {
        String target = target(context, request.principalArn());
        return put(context, target, request.name(), request.value());
    }

    public SettingResponse putAccountSettingDefault(RequestContext context, PutAccountSettingDefaultRequest request) {
        return put(context, rootArn(context), request.name(), request.value());
    }

    public SettingResponse deleteAccountSetting(RequestContext context, DeleteAccountSettingRequest request) {
        AccountSettingRules.Definition definition = AccountSettingRules.validateDelete(request.name());
        String target = target(context, request.principalArn());
        String root = rootArn(context);
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            String value = AccountSettingRepository.find(documents, scope, target, definition.name())
                    .orElseGet(() -> effective(documents, scope, definition, target, root).value());
            AccountSettingRepository.delete(documents, scope, target, definition.name());
            return new SettingResponse(new Setting(definition.name(), value, target, definition.type()));
        });
    }

    private SettingResponse put(RequestContext context, String target, String name, String value) {
        AccountSettingRules.Definition definition = AccountSettingRules.validatePut(name, value,
                target.equals(rootArn(context)));
        String scope = Scope.of(context).key();
        store.write(documents -> {
            AccountSettingRepository.save(documents, scope, target, name, value);
            return null;
        });
        return new SettingResponse(new Setting(name, value, target, definition.type()));
    }

    /**
     * The value of a setting in effect for the caller, as ECS applies it when the caller creates
     * a resource (a new cluster's Container Insights, for instance).
     */
    static String effectiveValue(Documents documents, RequestContext context, String name) {
        return effective(documents, Scope.of(context).key(), AccountSettingRules.definition(name),
                callerArn(context.principal()), rootArn(context)).value();
    }

    private static Setting effective(Documents documents, String scope, AccountSettingRules.Definition definition,
                                     String principalArn, String rootArn) {
        return AccountSettingRules.effective(definition, principalArn, rootArn,
                AccountSettingRepository.of(documents, scope, principalArn),
                AccountSettingRepository.of(documents, scope, rootArn));
    }

    /** The principal a request is about: the one it names, else the caller. */
    private static String target(RequestContext context, String principalArn) {
        if (principalArn == null) {
            return callerArn(context.principal());
        }
        Matcher matcher = PRINCIPAL.matcher(principalArn);
        if (!matcher.matches() || !matcher.group(1).equals(context.accountId())) {
            throw EcsErrors.invalidParameter("The specified principalArn is not valid: " + principalArn);
        }
        return principalArn;
    }

    /**
     * The ARN settings are kept under for a caller: a user's or the root user's own, and for a
     * role session the role's, since every session of a role shares the role's settings.
     */
    static String callerArn(Principal principal) {
        if (principal.kind() != Principal.Kind.ASSUMED_ROLE) {
            return principal.arn();
        }
        // arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION acts as arn:aws:iam::ACCOUNT:role/ROLE.
        Arn session = Arn.parse(principal.arn())
                .filter(a -> a.isOf("sts") && a.resourceType().equals("assumed-role")
                        && a.resourceId().indexOf('/') > 0)
                .orElseThrow(() -> new IllegalStateException("not an assumed-role ARN: " + principal.arn()));
        String role = session.resourceId().substring(0, session.resourceId().indexOf('/'));
        return Scope.global(session.accountId()).arn("iam", "role/" + role).toString();
    }

    private static String rootArn(RequestContext context) {
        return Scope.global(context).arn("iam", "root").toString();
    }
}
