package dev.lms.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies bind only what the request record declares, with the JSON type it declares. Jackson's defaults
 * would quietly drop an unknown or read-only field ({@code "id"}, {@code "version"}), turn {@code "points": "10"}
 * or {@code "title": 42} into values, and truncate {@code "position": 1.5} to 1; the API refuses those with a 400
 * instead (see {@link RequestErrorMapper}). Duplicate keys, NUL characters, unpaired surrogates and instants outside
 * PostgreSQL's range are refused too ({@link StorableValues}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // {"title": "a", "title": "b"} means nothing certain: Jackson would keep the last, a proxy might read the
        // first.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Strings and instants the database could not store are refused here, for every field of every body.
        mapper.registerModule(new SimpleModule("storable-values").setDeserializerModifier(StorableValues.modifier()));
    }
}
