# Mend on python:3.11-slim: a non-root user, data on a volume, `python -m bot run`.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_URL=sqlite+aiosqlite:////app/data/mend.db

RUN useradd --create-home --uid 10001 mend
WORKDIR /app

COPY pyproject.toml README.md alembic.ini ./
COPY bot ./bot
COPY migrations ./migrations
# Editable, so that migrations/ and alembic.ini stay beside the package where `migrate` finds them.
RUN pip install -e . && mkdir -p /app/data && chown mend:mend /app/data

USER mend
VOLUME ["/app/data"]
CMD ["python", "-m", "bot", "run"]
