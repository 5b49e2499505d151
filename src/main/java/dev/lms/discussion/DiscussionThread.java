package dev.lms.discussion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Assembles a discussion's posts into their reply tree, in memory and without recursion: one query reads the whole
 * thread however deep it is, and a 10,000-level reply chain cannot overflow the stack here.
 */
final class DiscussionThread {

    private DiscussionThread() {}

    /**
     * @param posts every post of one discussion, oldest first; each list of replies keeps that order
     * @return the top-level posts, each with its replies nested under it
     */
    static List<ThreadedPost> of(List<DiscussionPost> posts) {
        Map<UUID, ThreadedPost> nodes = new HashMap<>();
        for (DiscussionPost post : posts) {
            nodes.put(post.id, ThreadedPost.of(post));
        }
        List<ThreadedPost> roots = new ArrayList<>();
        for (DiscussionPost post : posts) {
            ThreadedPost node = nodes.get(post.id);
            ThreadedPost parent = node.parentId() == null ? null : nodes.get(node.parentId());
            // The service keeps every parent in its post's discussion; a row written around it still shows, at the top.
            (parent == null ? roots : parent.replies()).add(node);
        }
        return roots;
    }
}
