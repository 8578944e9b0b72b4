#include "render/pdf/pdfflow.h"

namespace vigil::render::pdf {

Flow::Flow(const PageGeometry& geometry)
    : m_geometry(geometry)
{
    m_pages.append(QList<PlacedItem>());
}

void Flow::space(double h)
{
    if (atPageTop())
        return;
    if (h >= remaining())
        newPage();
    else
        m_y += h;
}

void Flow::ensure(double h)
{
    if (!atPageTop() && h > remaining())
        newPage();
}

void Flow::newPage()
{
    m_pages.append(QList<PlacedItem>());
    m_y = 0;
}

void Flow::place(double h, DrawFn draw, double indent)
{
    overlay(std::move(draw), indent);
    m_y += h;
}

void Flow::overlay(DrawFn draw, double indent)
{
    m_pages.last().append({m_geometry.left + indent, m_geometry.top + m_y, std::move(draw)});
}

void Flow::outline(int level, const QString& title)
{
    m_outlines.append({level, title, int(m_pages.size()) - 1, m_geometry.top + m_y});
}

} // namespace vigil::render::pdf
