package org.tradegateway.dialect.legacy;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.tradegateway.data.ReferenceDirectory;
import org.tradegateway.data.ReferenceListRepository;
import org.tradegateway.http.ConditionalGet;
import org.tradegateway.ingest.FileDigest;
import org.tradegateway.output.Excerpt;
import org.tradegateway.refs.Classification;

/**
 * {@code GET /Data/cache/{name}.json} (any case of the path): the select2 reference lists, with Last-Modified,
 * ETag and Cache-Control, and 304 for a client whose copy is current. The shipped lists (classifications, trade
 * regimes) are served from memory even while the database is away; the area lists, whose names imports bring,
 * need it (503 with Retry-After without it). A malformed or future If-Modified-Since is ignored.
 */
@Path("/{data: (?i)data}/{cache: (?i)cache}")
public class ReferenceListResource {
    private static final Map<String, String> NAMES = Select2Lists.names();
    private final Select2Lists lists;
    private final ReferenceListRepository repository;
    private final ReferenceDirectory references;

    public ReferenceListResource(ReferenceListRepository repository, ReferenceDirectory references) {
        this.repository = repository;
        this.references = references;
        this.lists = new Select2Lists(references.shipped());
    }

    @GET
    @Path("/{file}")
    public Uni<Response> list(@PathParam("file") String file, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        String lower = file.toLowerCase(Locale.ROOT);
        String name = lower.endsWith(".json") ? NAMES.get(lower.substring(0, lower.length() - 5)) : null;
        if (name == null) {
            return Uni.createFrom().item(Response.status(404).type("text/plain; charset=utf-8")
                    .entity("No reference list named " + Excerpt.of(file, 60) + "\n").build());
        }
        if (name.endsWith("Areas")) {
            return repository.changes().flatMap(changes -> references.at(changes.dataVersion()).map(current ->
                    respond(headers, lists.areas(current.areas(), name.equals("partnerAreas")), changes.areas(),
                            300)));
        }
        String body = name.equals("tradeRegimes") ? lists.tradeRegimes() : lists.classification(
                Classification.valueOf(name.substring("classification".length()))).orElseThrow();
        return repository.changes().map(ReferenceListRepository.Changes::classifications)
                .onFailure().recoverWithItem(failure -> repository.classificationsChanged())
                .map(changed -> respond(headers, body, changed, 3600));
    }

    private static Response respond(HttpHeaders headers, String body, OffsetDateTime changed, int maxAge) {
        Instant lastModified = (changed == null ? OffsetDateTime.now() : changed).truncatedTo(ChronoUnit.SECONDS)
                .toInstant();
        EntityTag tag = new EntityTag(FileDigest.sha256(body).substring(0, 32));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(maxAge);
        Response.ResponseBuilder builder = ConditionalGet.notModified(headers, lastModified, tag)
                ? Response.notModified()
                : Response.ok(body.getBytes(StandardCharsets.UTF_8)).type("application/json; charset=utf-8");
        return builder.lastModified(Date.from(lastModified)).tag(tag).cacheControl(cache).build();
    }
}
