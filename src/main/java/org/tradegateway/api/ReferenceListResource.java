package org.tradegateway.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.tradegateway.data.LabelDirectory;
import org.tradegateway.data.ReferenceListRepository;
import org.tradegateway.ingest.FileDigest;
import org.tradegateway.refs.Classification;
import org.tradegateway.refs.ReferenceData;
import org.tradegateway.refs.Select2Lists;

/**
 * {@code GET /Data/cache/{name}.json} (any case of the path): the select2 reference lists, with Last-Modified,
 * ETag and Cache-Control, and 304 for a client whose copy is current.
 */
@Path("/{data: (?i)data}/{cache: (?i)cache}")
public class ReferenceListResource {
    private static final Map<String, String> NAMES = Select2Lists.names();
    private final Select2Lists lists = new Select2Lists(ReferenceData.get());
    private final ReferenceListRepository repository;
    private final LabelDirectory labels;

    public ReferenceListResource(ReferenceListRepository repository, LabelDirectory labels) {
        this.repository = repository;
        this.labels = labels;
    }

    @GET
    @Path("/{file}")
    public Uni<Response> list(@PathParam("file") String file, @jakarta.ws.rs.core.Context Request request) {
        String lower = file.toLowerCase(Locale.ROOT);
        String name = lower.endsWith(".json") ? NAMES.get(lower.substring(0, lower.length() - 5)) : null;
        if (name == null) {
            return Uni.createFrom().item(Response.status(404).type("text/plain; charset=utf-8")
                    .entity("No reference list named " + file + "\n").build());
        }
        return repository.changes().flatMap(changes -> {
            if (name.endsWith("Areas")) {
                return labels.at(changes.dataVersion()).map(current -> respond(request,
                        lists.areas(current.areas(), name.equals("partnerAreas")), changes.areas(), 300));
            }
            String body = name.equals("tradeRegimes") ? lists.tradeRegimes() : lists.classification(
                    Classification.valueOf(name.substring("classification".length()))).orElseThrow();
            return Uni.createFrom().item(respond(request, body, changes.classifications(), 3600));
        });
    }

    private static Response respond(Request request, String body, OffsetDateTime changed, int maxAge) {
        Date lastModified = Date.from((changed == null ? OffsetDateTime.now() : changed)
                .truncatedTo(ChronoUnit.SECONDS).toInstant());
        EntityTag tag = new EntityTag(FileDigest.sha256(body).substring(0, 32));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(maxAge);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, tag);
        Response.ResponseBuilder builder = notModified != null ? notModified
                : Response.ok(body.getBytes(StandardCharsets.UTF_8)).type("application/json; charset=utf-8");
        return builder.lastModified(lastModified).tag(tag).cacheControl(cache).build();
    }
}
