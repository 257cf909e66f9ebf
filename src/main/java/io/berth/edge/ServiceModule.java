package io.berth.edge;

import io.berth.edge.sigv4.SignedRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything a service brings to Berth: its AWS operations, its own HTTP routes (those that are
 * not signed AWS calls, such as the agent endpoints), and how policies read its resources' tags.
 *
 * @param arnService the service part of its resources' ARNs (arn:aws:SERVICE:...)
 * @param tags       its resources' tags, when they have any
 */
public record ServiceModule(ServiceDefinition api, List<Route> routes, String arnService,
                            Optional<ResourceTagLookup> tags) {

    public ServiceModule {
        routes = List.copyOf(routes);
    }

    /** A module of AWS operations only, whose resources keep no tags. */
    public static ServiceModule of(ServiceDefinition api, String arnService) {
        return new ServiceModule(api, List.of(), arnService, Optional.empty());
    }

    public ServiceModule withRoutes(List<Route> more) {
        return new ServiceModule(api, Stream.concat(routes.stream(), more.stream()).toList(),
                arnService, tags);
    }

    public ServiceModule withTags(ResourceTagLookup lookup) {
        return new ServiceModule(api, routes, arnService, Optional.of(lookup));
    }

    /** The tags of every module's resources, each ARN answered by the module its service part names. */
    public static ResourceTagLookup tagsOf(List<ServiceModule> modules) {
        Map<String, ResourceTagLookup> byService = modules.stream().filter(m -> m.tags().isPresent())
                .collect(Collectors.toUnmodifiableMap(ServiceModule::arnService, m -> m.tags().orElseThrow()));
        return (context, arn) -> {
            ResourceTagLookup lookup = byService.get(arnServiceOf(arn));
            return lookup == null ? Map.of() : lookup.of(context, arn);
        };
    }

    /** The third field of an ARN; empty for anything else (a pattern such as "*"). */
    static String arnServiceOf(String arn) {
        if (!arn.startsWith("arn:")) {
            return "";
        }
        int partitionEnd = arn.indexOf(':', 4);
        int serviceEnd = partitionEnd < 0 ? -1 : arn.indexOf(':', partitionEnd + 1);
        return serviceEnd < 0 ? "" : arn.substring(partitionEnd + 1, serviceEnd);
    }

    /** The API routes of the dispatcher: every request no earlier route took. */
    public static Route apiRoute(Dispatcher dispatcher) {
        return new Route("aws-api", Route.Audience.API, (method, path) -> true, HttpEdge.API_BODY_LIMIT,
                (Route.Endpoint.Buffered) (request, body) -> dispatcher.dispatch(request.requestId(), request.source(),
                        new SignedRequest(request.method(), request.rawPath(), request.rawQuery(),
                                request.headers(), body)));
    }

}
