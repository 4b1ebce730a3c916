"""Steps in flow order: depth first from the starts, outcomes in their order.

Two passes.  The first walks depth first, outcomes in their written order, and
marks as *loops back* the lines that return to a step still on the walk (a
"No" that sends the case back to be investigated again).  The second lists
the steps so that each comes before every step it leads to along the other
lines (the reverse of a post-order, outcomes visited last-first so that the
first outcome's steps follow the decision).  Both are iterative, so a long
chain in a large drawing cannot exhaust Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

__all__ = ["flow_order"]


def flow_order(roots: Iterable[str], successors: Mapping[str, Sequence[str]], every: Sequence[str]) -> list[str]:
    """Every key of ``every`` once: those reachable from ``roots`` first, then the rest in their own order."""
    starts = list(dict.fromkeys([*roots, *every]))
    back = _loops_back(starts, successors)
    forward = {key: [t for t in successors.get(key, ()) if (key, t) not in back] for key in every}
    seen: set[str] = set()
    reached = _reverse_post_order(list(dict.fromkeys(roots)), forward, seen)
    return reached + _reverse_post_order([k for k in every if k not in seen], forward, seen)


def _loops_back(starts: list[str], successors: Mapping[str, Sequence[str]]) -> set[tuple[str, str]]:
    """The lines to a step that is still on the depth-first walk, outcomes taken in order."""
    state: dict[str, int] = {}  # 1 on the walk, 2 done
    back: set[tuple[str, str]] = set()
    for root in starts:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(successors.get(root, ())))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if state.get(child) == 1:
                    back.add((node, child))
                elif child not in state:
                    state[child] = 1
                    stack.append((child, iter(successors.get(child, ()))))
                    break
            else:
                stack.pop()
                state[node] = 2
    return back


def _reverse_post_order(roots: list[str], successors: Mapping[str, Sequence[str]], seen: set[str]) -> list[str]:
    post: list[str] = []
    for root in reversed(roots):
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(reversed(successors.get(root, ()))))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if child not in seen:
                    seen.add(child)
                    stack.append((child, iter(reversed(successors.get(child, ())))))
                    break
            else:
                stack.pop()
                post.append(node)
    return post[::-1]
