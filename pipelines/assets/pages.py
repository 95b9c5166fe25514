"""The report pages: static HTML per kommun and nämnd, rebuilt after each publication."""

import dagster as dg

from pipelines.assets.warehouse import PUBLISH_GROUP
from pipelines.config import Settings
from pipelines.pages.render import write_pages


def sidor_dir(settings: Settings):
    return settings.data_dir / "sidor"


@dg.asset(name="rapportsidor", group_name=PUBLISH_GROUP, deps=[dg.AssetKey("publicerat_lager")], kinds={"html"})
def rapportsidor(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """<data>/sidor/index.html and one page per kommun and nämnd (<kommun_kod>/<nämnd>.html):
    budget deviation per area, result and forecast over the tertials, sick leave beside
    Kolada, goal traffic lights; every figure links to its file and page. Read-only from
    the published warehouse, so the page shows exactly what analysts query."""
    settings = Settings.from_env()
    if not settings.warehouse_path.exists():
        raise dg.Failure(f"{settings.warehouse_path}: inget publicerat lager ännu (publish first)")
    built = write_pages(settings.warehouse_path, settings.lake_dir, sidor_dir(settings))
    context.log.info(f"{len(built.sidor)} rapportsidor: {built.index}")
    for problem in built.problem:
        context.log.warning(problem)
    return dg.MaterializeResult(metadata={
        "index": dg.MetadataValue.path(str(built.index)),
        "sidor": len(built.sidor),
        "staplar": built.stavar,
        "problem": "\n".join(built.problem) or "inga",
    })
