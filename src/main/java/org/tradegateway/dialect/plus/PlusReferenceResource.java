package org.tradegateway.dialect.plus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.tradegateway.http.ConditionalGet;
import org.tradegateway.ingest.FileDigest;
import org.tradegateway.output.Excerpt;

/**
 * {@code GET /files/v1/app/reference/{name}}: the Comtrade+ reference files, with Last-Modified (comtradr dates its
 * tables by it), ETag, Cache-Control, and 304 for a current copy. No key, not counted.
 */
@Path("/files/v1/app/reference")
public class PlusReferenceResource {
    static final String LIST = "ListofReferences.json";
    private final PlusReferenceFiles files = PlusReferenceFiles.SHIPPED;

    @GET
    @Path("/{file}")
    public Response file(@PathParam("file") String file, @Context HttpHeaders headers, @Context UriInfo uri) {
        if (file.equalsIgnoreCase(LIST)) {
            return respond(headers, files.list(uri.getBaseUri().toString()), files.listChanged());
        }
        return files.file(file).map(f -> respond(headers, f.body(), f.lastModified()))
                .orElseGet(() -> Response.status(404).type("application/json; charset=utf-8")
                        .entity(PlusDialect.error(404, "No reference file named " + Excerpt.of(file, 60)
                                + "; see " + LIST + ".", 0).body()).build());
    }

    private static Response respond(HttpHeaders headers, String body, Instant lastModified) {
        EntityTag tag = new EntityTag(FileDigest.sha256(body).substring(0, 32));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400);
        Response.ResponseBuilder builder = ConditionalGet.notModified(headers, lastModified, tag)
                ? Response.notModified()
                : Response.ok(body.getBytes(StandardCharsets.UTF_8)).type("application/json; charset=utf-8");
        return builder.lastModified(Date.from(lastModified)).tag(tag).cacheControl(cache).build();
    }
}
