#pragma once

#include "render/pdf/pdfstyle.h"

#include <QList>
#include <QString>

#include <functional>

typedef struct _cairo cairo_t;

namespace vigil::render::pdf {

// Draws an item with the top-left corner of its box at (x, y), in page coordinates.
using DrawFn = std::function<void(cairo_t* cr, double x, double y)>;

struct PlacedItem
{
    double x = 0;
    double y = 0;
    DrawFn draw;
};

struct OutlineEntry
{
    int level = 1;
    QString title;
    int page = 0; // 0-based
    double y = 0;
};

// The page flow: items are placed top to bottom into the body of A4 pages; a new page starts when one does not
// fit. Nothing is drawn here: the pages are drawn once they are all known (for "Page n of N").
class Flow
{
public:
    explicit Flow(const PageGeometry& geometry);

    const PageGeometry& geometry() const { return m_geometry; }
    double width() const { return m_geometry.bodyWidth(); }
    double bodyHeight() const { return m_geometry.bodyHeight(); }
    double remaining() const { return m_geometry.bodyHeight() - m_y; }
    bool atPageTop() const { return m_y <= 0; }
    double y() const { return m_y; }

    // A vertical gap; dropped at the top of a page.
    void space(double h);
    // Starts a new page unless h fits in what is left of this one (or this page is still empty).
    void ensure(double h);
    void newPage();
    // Places an item of height h at the current position (indent from the left margin) and moves down by h.
    void place(double h, DrawFn draw, double indent = 0);
    // Draws at the current position without moving (backgrounds placed before their content).
    void overlay(DrawFn draw, double indent = 0);
    // A bookmark to the current position.
    void outline(int level, const QString& title);

    int pageCount() const { return int(m_pages.size()); }
    const QList<PlacedItem>& items(int page) const { return m_pages[page]; }
    const QList<OutlineEntry>& outlines() const { return m_outlines; }

private:
    PageGeometry m_geometry;
    QList<QList<PlacedItem>> m_pages;
    QList<OutlineEntry> m_outlines;
    double m_y = 0;
};

} // namespace vigil::render::pdf
