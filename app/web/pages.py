"""The pages: chat, widget, tool pages, uploaded material, facilitators, accessibility."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from app.core.markdown_files import split_front_matter
from app.services import Services
from app.web.markdown import render_markdown
from app.web.slugs import citation_href, heading_anchor

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False)


def _services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def _page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    services = _services(request)
    auth = services.settings.auth
    site_key = None
    if auth.enabled and auth.site_key is not None:
        site_key = services.keys.site_key(auth.site_key.get_secret_value())
    return templates.TemplateResponse(
        request,
        template,
        {
            "contacts": services.settings.safeguarding,
            "max_message_chars": services.settings.coaching.max_message_chars,
            "auth_enabled": auth.enabled,
            "site_key": site_key,
            **context,
        },
        status_code=status_code,
    )


@router.get("/", response_class=HTMLResponse)
def chat_page(request: Request) -> HTMLResponse:
    return _page(request, "chat.html", nav="chat")


@router.get("/widget", response_class=HTMLResponse)
def widget_frame(request: Request) -> HTMLResponse:
    """The chat inside the widget's iframe; the host page's key comes in the URL fragment."""
    return _page(request, "widget.html")


@router.get("/widget.js")
def widget_script() -> FileResponse:
    return FileResponse(STATIC_DIR / "widget.js", media_type="text/javascript")


@router.get("/tools", response_class=HTMLResponse)
def tools_page(request: Request) -> HTMLResponse:
    return _page(request, "tools.html", nav="tools", tools=_services(request).catalogue.all())


@lru_cache(maxsize=64)
def _rendered(path: Path, modified: float) -> str:
    _, body = split_front_matter(path.read_text(encoding="utf-8"))
    return render_markdown(body)


@router.get("/tools/{tool_id}", response_class=HTMLResponse)
def tool_page(request: Request, tool_id: str) -> HTMLResponse:
    services = _services(request)
    tool = services.catalogue.find(tool_id)
    path = services.settings.knowledge_dir / Path(tool.source).name if tool else None
    if tool is None or path is None or not path.is_file():
        return _page(request, "not_found.html", status_code=404, nav="tools")
    related = [t for t in (services.catalogue.find(r) for r in tool.related) if t is not None]
    body = _rendered(path, path.stat().st_mtime)
    return _page(request, "tool.html", nav="tools", tool=tool, body=body, related=related)


@router.get("/source")
def follow_citation(
    tool_id: Annotated[str, Query(max_length=200)],
    heading: Annotated[str, Query(max_length=500)],
    source: Annotated[str, Query(max_length=500)],
) -> Response:
    """A citation's link: to the cited heading on its tool or material page."""
    return RedirectResponse(
        citation_href(tool_id=tool_id, heading=heading, source=source), status_code=303
    )


@router.get("/material", response_class=HTMLResponse)
def material_page(request: Request, source: Annotated[str, Query(max_length=500)]) -> HTMLResponse:
    """Uploaded material, passage by passage, each heading anchored as its citations link."""
    passages = [p for p in _services(request).material.passages() if p.source == source]
    if not passages:
        return _page(request, "not_found.html", status_code=404)
    sections: list[dict[str, str | None]] = []
    seen: set[str] = set()
    for passage in passages:
        anchor = heading_anchor(passage.heading)
        heading = passage.heading.split(" > ")[-1]
        sections.append(
            {"anchor": None if anchor in seen else anchor, "heading": heading, "text": passage.text}
        )
        seen.add(anchor)
    title = passages[0].title or source
    return _page(request, "material.html", title=title, source=source, sections=sections)


@router.get("/facilitator", response_class=HTMLResponse)
def plan_page(request: Request) -> HTMLResponse:
    return _page(
        request, "plan.html", nav="facilitator", tools=_services(request).catalogue.tools()
    )


@router.get("/facilitator/prompts", response_class=HTMLResponse)
def prompts_page(request: Request) -> HTMLResponse:
    return _page(
        request, "prompts.html", nav="facilitator", tools=_services(request).catalogue.tools()
    )


@router.get("/facilitator/insights", response_class=HTMLResponse)
def insights_page(request: Request) -> HTMLResponse:
    return _page(request, "insights.html", nav="facilitator")


@router.get("/accessibility", response_class=HTMLResponse)
def accessibility_page(request: Request) -> HTMLResponse:
    return _page(request, "accessibility.html", nav="accessibility")
