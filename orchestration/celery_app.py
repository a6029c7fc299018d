"""The Celery app the workers run (`celery -A ogi.orchestration.celery_app worker`): dagster-celery's
step task, with the broker, result backend and settings of orchestration/distributed.py."""
import os

from dagster_celery.executor import CeleryExecutor
from dagster_celery.make_app import make_app
from dagster_celery.tasks import create_task

from ogi.orchestration.distributed import CELERY_SETTINGS, REDIS_URL_VARIABLE
_redis = os.environ[REDIS_URL_VARIABLE]
app = make_app(CeleryExecutor.for_cli(broker=_redis, backend=_redis, config_source=CELERY_SETTINGS).app_args())
execute_plan = create_task(app)
