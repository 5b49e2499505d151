package dev.lms.crud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON merge patch (RFC 7396) onto a request record: the current state is written out as the record a PUT would
 * send, the patch is merged into it, and the result is read back and validated like a PUT body. A PATCH therefore
 * obeys exactly the rules of a PUT, including the refusal of unknown and read-only fields.
 */
@ApplicationScoped
public class MergePatch {

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * @throws Refusal                      invalid when the patch is not a JSON object
     * @throws JsonProcessingException      when the merged document does not fit {@code type} (mapped to 400)
     * @throws ConstraintViolationException when the merged record is invalid (mapped to 400)
     */
    public <T> T apply(T current, JsonNode patch, Class<T> type) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw Refusal.invalid("A merge patch must be a JSON object.");
        }
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        T result = mapper.treeToValue(merged, type);
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    /** RFC 7396 section 2: null removes a member, an object merges into an object, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? (ObjectNode) target.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> members = patch.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
