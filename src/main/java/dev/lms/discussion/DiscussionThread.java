package dev.lms.discussion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;

/**
 * Assembles a discussion's posts into their reply tree, in memory and without recursion: one query reads the whole
 * thread however deep it is, and a 10,000-level reply chain cannot overflow the stack here.
 * <p>
 * The tree nests at most {@link DiscussionConstraints#MAX_REPLY_DEPTH} levels, the depth the service lets replies reach.
 * Rows written around the service can be deeper: their deeper replies are shown at that last level, beside their
 * parent, each still naming its {@code parentId}. So the answer's JSON nesting is bounded (about twice that depth),
 * far from the 1,000 levels at which Jackson stops writing: a 600-level chain once broke the response half-way
 * through, after its 200 status line had gone out.
 *
 * @param posts at most {@link DiscussionConstraints#MAX_THREAD_POSTS} of them, as {@link ThreadedPost} trees
 * @param total how many posts the discussion holds; more than {@code posts} count when it holds more than the maximum
 */
record DiscussionThread(List<ThreadedPost> posts, long total) {

    /**
     * @param posts posts of one discussion, oldest first; each list of replies keeps that order
     * @return the top-level posts, each with its replies nested under it
     */
    static List<ThreadedPost> treeOf(List<DiscussionPost> posts) {
        Map<UUID, ThreadedPost> nodes = new LinkedHashMap<>();
        for (DiscussionPost post : posts) {
            nodes.put(post.id, ThreadedPost.of(post));
        }
        Map<UUID, List<ThreadedPost>> replies = new HashMap<>();
        List<ThreadedPost> roots = new ArrayList<>();
        for (ThreadedPost node : nodes.values()) {
            // The service keeps every parent in its post's discussion; a row written around it still shows, at the top.
            if (node.parentId() == null || !nodes.containsKey(node.parentId())) {
                roots.add(node);
            } else {
                replies.computeIfAbsent(node.parentId(), parent -> new ArrayList<>())
                        .add(node);
            }
        }
        Set<UUID> placed = new HashSet<>();
        place(roots, replies, placed);
        // Only a loop of parents written around the service is unreachable from a top-level post: show it at the top.
        for (ThreadedPost node : nodes.values()) {
            if (!placed.contains(node.id())) {
                roots.add(node);
                place(List.of(node), replies, placed);
            }
        }
        return roots;
    }

    /** Breadth first from {@code tops}: each reply under its parent, or beside it when the parent is at the last level. */
    private static void place(List<ThreadedPost> tops, Map<UUID, List<ThreadedPost>> replies, Set<UUID> placed) {
        record Placed(ThreadedPost node, int depth, List<ThreadedPost> siblings) {}
        Queue<Placed> queue = new ArrayDeque<>();
        for (ThreadedPost top : List.copyOf(tops)) {
            placed.add(top.id());
            queue.add(new Placed(top, 1, null));
        }
        while (!queue.isEmpty()) {
            Placed parent = queue.poll();
            for (ThreadedPost reply : replies.getOrDefault(parent.node().id(), List.of())) {
                if (!placed.add(reply.id())) {
                    continue;
                }
                if (parent.depth() < DiscussionConstraints.MAX_REPLY_DEPTH || parent.siblings() == null) {
                    parent.node().replies().add(reply);
                    queue.add(
                            new Placed(reply, parent.depth() + 1, parent.node().replies()));
                } else {
                    parent.siblings().add(reply);
                    queue.add(new Placed(reply, parent.depth(), parent.siblings()));
                }
            }
        }
    }
}
