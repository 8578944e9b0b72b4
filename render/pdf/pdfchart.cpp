#include "render/pdf/pdfchart.h"

#include "render/pdf/pdfstyle.h"
#include "report/svgchart.h"

// GLib's headers use "signals" as a name, which Qt defines as a keyword.
#pragma push_macro("signals")
#undef signals
#include <librsvg/rsvg.h>
#pragma pop_macro("signals")

#include <memory>

namespace vigil::render::pdf {

namespace {

constexpr int kSvgWidth = 720;
constexpr int kSvgHeight = 300;

} // namespace

ChartDrawing chartDrawing(const report::ReportChart& chart, double width)
{
    const QByteArray svg = report::chartToSvg(chart, kSvgWidth, kSvgHeight);
    GError* error = nullptr;
    RsvgHandle* raw
        = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.constData()), gsize(svg.size()), &error);
    if (!raw) {
        if (error)
            g_error_free(error);
        return {};
    }
    std::shared_ptr<RsvgHandle> handle(raw, [](RsvgHandle* h) { g_object_unref(h); });
    ChartDrawing d;
    d.height = width * kSvgHeight / kSvgWidth;
    const double height = d.height;
    d.draw = [handle, width, height](cairo_t* cr, double x, double y) {
        const RsvgRectangle viewport{x, y, width, height};
        GError* err = nullptr;
        if (!rsvg_handle_render_document(handle.get(), cr, &viewport, &err) && err)
            g_error_free(err);
        const Rgb line = kLine;
        cairo_set_source_rgb(cr, line.r, line.g, line.b);
        cairo_set_line_width(cr, 0.6);
        cairo_rectangle(cr, x, y, width, height);
        cairo_stroke(cr);
    };
    return d;
}

} // namespace vigil::render::pdf
