# Balcony: the API and web chat, with the knowledge base and the embedding model baked in.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    ANONYMIZED_TELEMETRY=False \
    BALCONY_DATA_DIR=/data

WORKDIR /app
# The CPU build of torch: the default index would pull a multi-GB CUDA build.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0
COPY pyproject.toml README.md ./
COPY app ./app
RUN pip install .
COPY knowledge ./knowledge
COPY prompts ./prompts

RUN useradd --create-home --uid 10001 balcony && mkdir -p /data && chown balcony /data
USER balcony
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
# Index the shipped knowledge (incremental: instant when nothing changed), then serve.
CMD ["sh", "-c", "balcony ingest && balcony serve --host 0.0.0.0 --port 8000"]
