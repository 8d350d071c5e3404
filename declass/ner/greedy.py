"""The shipped tagger's greedy entity decoding: the spans of spaCy's `ner` component, at a tenth of its cost.

spaCy's transition-based `ner` decodes one token at a time in C, and per step it takes the GIL, calls
BLAS for a 1 x 48 by 48 x 46 product and checks all 46 moves: on this model ~50 µs per token, half of
the tagger's cost. But with no entity open (most tokens) the state's three features are (the token,
none, none), so the scores there depend on the token alone: they are computed for every token at
once here. Inside an entity the features are (the token, the entity's first token, the token before)
and only two moves are valid (I or L of the open label): the scores depend on the token and the
entity's start alone, so the tokens ahead are scored in blocks too, and the entity ends at the first
token where L wins.

The arithmetic is spaCy's own, in its order, so the scores are the same floats: the lower layer's
features (`PrecomputableAffine`, padding row first) summed from zero feature by feature, then the bias,
maxout over the pieces, the upper layer's product with the same BLAS (blis `gemm`, row by row results
do not depend on the number of rows), then its bias; the move is the first best valid one. Move
validity is spaCy's `BiluoPushDown` (`spacy/pipeline/_parser_internals/ner.pyx`) for a document
without preset entities: B needs a following token in the same sentence and a non-space token, U a
non-space token, I a following token in the same sentence (tests/test_ner_greedy.py compares the
spans with spaCy's). `decoder(nlp)` returns None for any pipeline that is not the shipped shape
(tok2vec + ner, greedy, no unseen classes): callers then run the pipeline itself.
"""

from __future__ import annotations

from typing import Any


class GreedyNER:
    """(label, start_char, end_char) spans of a text, as `nlp(text).ents` gives them."""

    def __init__(self, nlp) -> None:
        import numpy

        self.np = numpy
        self.nlp = nlp
        self.tok2vec = nlp.get_pipe("tok2vec")
        ner = nlp.get_pipe("ner")
        model = ner.model
        self.ner_tok2vec = model.get_ref("tok2vec")
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        self.lower = lower
        self.ops = upper.ops
        nF, nO, nP = lower.get_dim("nF"), lower.get_dim("nO"), lower.get_dim("nP")
        self.nF, self.nO, self.nP = nF, nO, nP
        self.lower_b = lower.get_param("b").reshape(nO * nP)
        self.upper_W = upper.get_param("W")
        self.upper_b = upper.get_param("b")
        moves = ner.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        self.names = names
        n = len(names)
        b_moves = numpy.zeros(n, dtype=bool)
        u_moves = numpy.zeros(n, dtype=bool)
        self.out_move = names.index("O")
        self.in_move: dict[str, int] = {}
        self.last_move: dict[str, int] = {}
        self.label_of: dict[int, str] = {}
        for i, name in enumerate(names):
            move, _, label = name.partition("-")
            if move == "B":
                b_moves[i] = True
                self.label_of[i] = label
            elif move == "U" and label:  # "U-" (a blocked preset token) is never valid here
                u_moves[i] = True
                self.label_of[i] = label
            elif move == "I":
                self.in_move[label] = i
            elif move == "L":
                self.last_move[label] = i
        self.b_moves, self.u_moves = b_moves, u_moves

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        np = self.np
        doc = self.nlp.make_doc(text)
        n = len(doc)
        if n == 0:
            return []
        self.tok2vec(doc)
        tokvecs = self.ner_tok2vec.predict([doc])
        cached = self.lower.predict(tokvecs)  # (n + 1, nF, nO, nP): row 0 the padding
        width = self.nO * self.nP
        feats = cached.reshape(n + 1, self.nF, width)
        pad = feats[0]
        tokens = feats[1:]

        # scores of the no-entity-open state at every token: features (token, pad, pad)
        unmaxed = np.zeros((n, width), dtype="f")
        unmaxed += tokens[:, 0]
        for f in range(1, self.nF):
            unmaxed += pad[f]
        unmaxed += self.lower_b
        hidden = unmaxed.reshape(n, self.nO, self.nP).max(axis=2)
        scores = self.ops.gemm(hidden, self.upper_W, trans2=True)
        scores += self.upper_b

        arr = doc.to_array(["IS_SPACE", "SENT_START"])
        is_space = arr[:, 0].astype(bool)
        # B needs a next token that does not start a sentence
        can_begin = np.zeros(n, dtype=bool)
        if n > 1:
            can_begin[:-1] = arr[1:, 1] != 1
        valid_out = np.zeros((n, len(self.names)), dtype=bool)
        valid_out[:, self.out_move] = True
        valid_out[:, self.b_moves] = (can_begin & ~is_space)[:, None]
        valid_out[:, self.u_moves] = (~is_space)[:, None]
        best_out = np.where(valid_out, scores, -np.inf).argmax(axis=1).tolist()

        label_of = self.label_of
        out: list[tuple[str, int, int]] = []
        i = 0
        while i < n:
            move = best_out[i]
            if move not in label_of:  # O
                i += 1
                continue
            label = label_of[move]
            if self.b_moves[move]:
                start, i = i, self._close(feats, i + 1, i, label, can_begin)
                out.append((label, start, i))
            else:
                out.append((label, i, i + 1))
                i += 1
        return [(label, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for label, s, e in out]

    def _close(self, feats, i: int, start: int, label: str, can_continue) -> int:
        """The end (exclusive) of the entity of `label` opened at `start`, decoding from token `i`.

        Inside an entity the scores depend on the token and the entity's start only, so the tokens
        ahead are scored in one block (longer blocks while the entity goes on)."""
        np = self.np
        in_move, last_move = self.in_move[label], self.last_move[label]
        n = len(can_continue)
        width = self.nO * self.nP
        block = 8
        while True:
            stop = min(n, i + block)
            k = stop - i
            # features (token, entity's first token, token before), summed in spaCy's order; token
            # j - 1 is row j of `feats` (row 0 is the padding)
            unmaxed = np.zeros((k, width), dtype="f")
            unmaxed += feats[1 + i : 1 + stop, 0]
            unmaxed += feats[1 + start, 1]
            unmaxed += feats[i:stop, 2]
            unmaxed += self.lower_b
            hidden = unmaxed.reshape(k, self.nO, self.nP).max(axis=2)
            scores = self.ops.gemm(hidden, self.upper_W, trans2=True)
            scores += self.upper_b
            # L when it scores above I (I, the lower index, wins ties) or I is not valid (I needs a
            # next token in the same sentence)
            ends = (scores[:, last_move] > scores[:, in_move]) | ~can_continue[i:stop]
            if ends.any():
                return i + int(ends.argmax()) + 1
            i = stop
            block *= 4


def decoder(nlp) -> Any:
    """A `GreedyNER` for the shipped pipeline's shape, or None (then run `nlp` itself)."""
    try:
        if nlp.pipe_names != ["tok2vec", "ner"]:
            return None
        ner = nlp.get_pipe("ner")
        model = ner.model
        if (
            ner.cfg.get("beam_width", 1) != 1
            or not model.attrs.get("has_upper")
            or model.attrs.get("unseen_classes")
            or model.get_ref("lower").get_dim("nF") != 3
            or model.get_ref("lower").get_dim("nP") < 2
            or ner.postprocesses
        ):
            return None
        return GreedyNER(nlp)
    except (AttributeError, KeyError, ValueError):
        return None
