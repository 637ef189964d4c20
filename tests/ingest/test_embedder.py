"""The bundled embedder gives unit vectors whose similarity tracks meaning."""

from __future__ import annotations

import numpy as np


def test_vectors_are_normalised_and_meaningful(embedding):
    texts = [
        "Azerbaijan's president said the military operation would stop.",
        "Aliyev promised to halt the offensive in Karabakh.",
        "The Buffalo Bills won their football game on Sunday.",
    ]
    vectors = embedding.embed(texts)
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2] + 0.2


def test_batching_by_length_keeps_input_order(embedding):
    texts = ["short", "a much longer sentence about elections and votes " * 5, "mid length text about votes"]
    batched = embedding.embed(texts)
    single = np.stack([embedding.embed([t])[0] for t in texts])
    assert np.allclose(batched, single, atol=1e-3)


def test_llama_index_interface(embedding):
    query = embedding.get_query_embedding("who won the election")
    assert len(query) == 384
