#include "render/pdf/pdftext.h"

#include "report/svgchart.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace vigil::render::pdf {

namespace {

double fromPango(int v)
{
    return double(v) / PANGO_SCALE;
}

PangoFontDescription* fontFor(const TextStyle& style)
{
    PangoFontDescription* f = pango_font_description_new();
    static const QByteArray families = TextEngine::families().toUtf8();
    pango_font_description_set_family(f, families.constData());
    pango_font_description_set_weight(f, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(f, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_size(f, int(style.size * PANGO_SCALE + 0.5));
    return f;
}

struct BlankGlyph
{
    unsigned long index = 0; // 0 (.notdef) when the font has no space
    double advance = 0;
};

BlankGlyph blankGlyph(cairo_scaled_font_t* font)
{
    cairo_glyph_t* glyphs = nullptr;
    int count = 0;
    BlankGlyph blank;
    if (cairo_scaled_font_text_to_glyphs(font, 0, 0, " ", 1, &glyphs, &count, nullptr, nullptr, nullptr)
            == CAIRO_STATUS_SUCCESS
        && count == 1) {
        cairo_text_extents_t extents;
        cairo_scaled_font_glyph_extents(font, glyphs, 1, &extents);
        if (extents.width == 0 && extents.height == 0) { // nothing drawn
            blank.index = glyphs[0].index;
            blank.advance = extents.x_advance;
        }
    }
    cairo_glyph_free(glyphs);
    return blank;
}

// Draws one run of a line with Cairo clusters that never cut a grapheme: Pango hands Cairo one cluster per
// character it can (so a Thai tone mark or a Myanmar medial is its own cluster, placed by its position only), and
// text extraction then sorts those marks by where they sit. Whole graphemes that take more than one glyph become
// one cluster, which Cairo writes as an ActualText span: pdftotext gives the logical text back.
bool showRun(cairo_t* cr, const char* text, const std::vector<bool>& boundary, PangoGlyphItem* run, double x, double y)
{
    PangoItem* item = run->item;
    PangoGlyphString* gs = run->glyphs;
    const int n = gs->num_glyphs;
    if (n == 0 || item->analysis.level % 2 == 1 || gs->log_clusters[0] != 0)
        return false;
    for (int i = 1; i < n; ++i)
        if (gs->log_clusters[i] < gs->log_clusters[i - 1])
            return false;
    const auto isBoundary = [&](int byte) {
        const size_t at = size_t(item->offset + byte);
        return at >= boundary.size() || boundary[at];
    };
    cairo_scaled_font_t* font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->analysis.font));
    const BlankGlyph space = blankGlyph(font);
    std::vector<cairo_glyph_t> glyphs;
    std::vector<cairo_text_cluster_t> clusters;
    glyphs.reserve(size_t(n));
    double pen = x;
    int i = 0;
    while (i < n) {
        int j = i + 1;
        for (;;) {
            while (j < n && gs->log_clusters[j] == gs->log_clusters[j - 1])
                ++j;
            if (j >= n || isBoundary(gs->log_clusters[j]))
                break;
            ++j;
        }
        const int endByte = j < n ? gs->log_clusters[j] : item->length;
        const double clusterStart = pen;
        const size_t first = glyphs.size();
        for (int k = i; k < j; ++k) {
            const PangoGlyphInfo& g = gs->glyphs[k];
            if (g.glyph != PANGO_GLYPH_EMPTY && (g.glyph & PANGO_GLYPH_UNKNOWN_FLAG))
                return false; // no font has it: Pango draws its hex box
            if (g.glyph != PANGO_GLYPH_EMPTY)
                glyphs.push_back({g.glyph, pen + fromPango(g.geometry.x_offset), y + fromPango(g.geometry.y_offset)});
            pen += fromPango(g.geometry.width);
        }
        // Readers give an ActualText span the extent from the origin of its first glyph to the advance of its last
        // on the first one's baseline. A mark is drawn with an offset over or under its base, so a span that ends on
        // a mark would end short (read as a space) or start late: blank glyphs (the space) at the cluster's start
        // and end give the span the cluster's true extent.
        if (glyphs.size() - first > 1 && space.index) {
            glyphs.insert(glyphs.begin() + long(first), {space.index, clusterStart, y});
            glyphs.push_back({space.index, pen - space.advance, y});
        }
        const int count = int(glyphs.size() - first);
        clusters.push_back({endByte - gs->log_clusters[i], count});
        i = j;
    }
    cairo_set_scaled_font(cr, font);
    cairo_show_text_glyphs(cr, text + item->offset, item->length, glyphs.data(), int(glyphs.size()), clusters.data(),
                           int(clusters.size()), cairo_text_cluster_flags_t(0));
    return true;
}

Rgb runColor(PangoGlyphItem* run, Rgb fallback)
{
    for (GSList* a = run->item->analysis.extra_attrs; a; a = a->next) {
        const auto* attr = static_cast<PangoAttribute*>(a->data);
        if (attr->klass->type == PANGO_ATTR_FOREGROUND) {
            const PangoColor c = reinterpret_cast<const PangoAttrColor*>(attr)->color;
            return {c.red / 65535.0, c.green / 65535.0, c.blue / 65535.0};
        }
    }
    return fallback;
}

} // namespace

void setColor(cairo_t* cr, Rgb c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

TextBlock::TextBlock(PangoLayout* adopted, Rgb color)
    : m_layout(adopted, [](PangoLayout* l) { g_object_unref(l); })
    , m_color(color)
{
    PangoRectangle logical;
    pango_layout_get_extents(adopted, nullptr, &logical);
    m_height = fromPango(logical.height);
    m_width = fromPango(logical.width);
    // Grapheme boundaries by byte: where a Cairo cluster may end.
    const char* text = pango_layout_get_text(adopted);
    int count = 0;
    const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(adopted, &count);
    const size_t bytes = strlen(text);
    auto boundary = std::make_shared<std::vector<bool>>(bytes + 1, true);
    int ch = 0;
    for (const char* p = text; *p && ch < count; p = g_utf8_next_char(p), ++ch)
        (*boundary)[size_t(p - text)] = attrs[ch].is_cursor_position;
    m_boundary = boundary;
    PangoLayoutIter* it = pango_layout_get_iter(adopted);
    do {
        PangoRectangle lineLogical, own;
        pango_layout_iter_get_line_extents(it, nullptr, &lineLogical);
        PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
        pango_layout_line_get_extents(line, nullptr, &own);
        TextLine l;
        l.line = line;
        l.top = fromPango(lineLogical.y);
        l.baseline = fromPango(pango_layout_iter_get_baseline(it));
        l.x = fromPango(lineLogical.x - own.x);
        m_lines << l;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    for (int i = 0; i < m_lines.size(); ++i)
        m_lines[i].height = (i + 1 < m_lines.size() ? m_lines[i + 1].top : m_height) - m_lines[i].top;
}

void TextBlock::draw(cairo_t* cr, double x, double y) const
{
    drawLines(cr, x, y, 0, int(m_lines.size()));
}

void TextBlock::drawLines(cairo_t* cr, double x, double y, int from, int to) const
{
    if (!m_layout || from >= to)
        return;
    setColor(cr, m_color);
    const double origin = y - m_lines[from].top;
    for (int i = from; i < to && i < m_lines.size(); ++i) {
        const char* text = pango_layout_get_text(m_layout.get());
        double pen = x + m_lines[i].x;
        const double base = origin + m_lines[i].baseline;
        for (GSList* r = m_lines[i].line->runs; r; r = r->next) {
            auto* run = static_cast<PangoGlyphItem*>(r->data);
            setColor(cr, runColor(run, m_color));
            if (!showRun(cr, text, *m_boundary, run, pen, base)) {
                cairo_move_to(cr, pen, base);
                pango_cairo_show_glyph_item(cr, text, run);
            }
            pen += fromPango(pango_glyph_string_get_width(run->glyphs));
        }
    }
}

double TextBlock::span(int from, int to) const
{
    if (from >= to || m_lines.isEmpty())
        return 0;
    const TextLine& last = m_lines[std::min<int>(to, int(m_lines.size())) - 1];
    return last.top + last.height - m_lines[from].top;
}

TextEngine::TextEngine(cairo_t* cr)
    : m_context(pango_cairo_create_context(cr))
{
    pango_cairo_context_set_resolution(m_context, 72);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(m_context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(m_context, FALSE);
}

TextEngine::~TextEngine()
{
    g_object_unref(m_context);
}

QString TextEngine::families()
{
    QStringList f = report::reportFontFamilies();
    if (!f.contains(QStringLiteral("Noto Sans Khmer")))
        f.insert(std::max<int>(0, int(f.size()) - 1), QStringLiteral("Noto Sans Khmer"));
    f << QStringLiteral("sans-serif");
    return f.join(QStringLiteral(", "));
}

PangoLayout* TextEngine::newLayout(const TextStyle& style, double width, bool ellipsize) const
{
    PangoLayout* l = pango_layout_new(m_context);
    PangoFontDescription* font = fontFor(style);
    pango_layout_set_font_description(l, font);
    pango_font_description_free(font);
    pango_layout_set_line_spacing(l, float(style.lineSpacing));
    if (width > 0) {
        pango_layout_set_width(l, int(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        if (ellipsize)
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    }
    pango_layout_set_alignment(l,
                               style.align == Align::Center      ? PANGO_ALIGN_CENTER
                                   : style.align == Align::Right ? PANGO_ALIGN_RIGHT
                                                                 : PANGO_ALIGN_LEFT);
    return l;
}

TextBlock TextEngine::layout(const QString& text, const TextStyle& style, double width, bool ellipsize) const
{
    PangoLayout* l = newLayout(style, width, ellipsize);
    const QByteArray utf8 = text.toUtf8();
    pango_layout_set_text(l, utf8.constData(), int(utf8.size()));
    return TextBlock(l, style.color);
}

TextBlock TextEngine::layout(const QList<TextRun>& runs, const TextStyle& style, double width) const
{
    PangoLayout* l = newLayout(style, width, false);
    QByteArray utf8;
    PangoAttrList* attrs = pango_attr_list_new();
    const auto channel = [](double v) { return guint16(v * 65535 + 0.5); };
    for (const TextRun& run : runs) {
        const guint start = guint(utf8.size());
        utf8 += run.text.toUtf8();
        PangoAttribute* color
            = pango_attr_foreground_new(channel(run.color.r), channel(run.color.g), channel(run.color.b));
        color->start_index = start;
        color->end_index = guint(utf8.size());
        pango_attr_list_insert(attrs, color);
        PangoAttribute* weight = pango_attr_weight_new(run.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        weight->start_index = start;
        weight->end_index = guint(utf8.size());
        pango_attr_list_insert(attrs, weight);
    }
    pango_layout_set_text(l, utf8.constData(), int(utf8.size()));
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
    return TextBlock(l, style.color);
}

int TextEngine::missingGlyphs(const QString& text) const
{
    const TextBlock b = layout(text, TextStyle(), 0);
    int missing = 0;
    for (const TextLine& line : b.lines())
        for (GSList* r = line.line->runs; r; r = r->next) {
            const PangoGlyphString* gs = static_cast<PangoGlyphItem*>(r->data)->glyphs;
            for (int i = 0; i < gs->num_glyphs; ++i)
                missing += gs->glyphs[i].glyph != PANGO_GLYPH_EMPTY && (gs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG);
        }
    return missing;
}

double TextEngine::naturalWidth(const QString& text, const TextStyle& style) const
{
    return layout(text, style, 0).width();
}

double TextEngine::longestWord(const QString& text, const TextStyle& style) const
{
    // Wrapping at word boundaries only into a width of nothing puts every unbreakable run on a line of its own:
    // the layout's width is then the widest of them.
    PangoLayout* l = pango_layout_new(m_context);
    PangoFontDescription* font = fontFor(style);
    pango_layout_set_font_description(l, font);
    pango_font_description_free(font);
    pango_layout_set_width(l, 1);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD);
    const QByteArray utf8 = text.toUtf8();
    pango_layout_set_text(l, utf8.constData(), int(utf8.size()));
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    g_object_unref(l);
    return fromPango(logical.width);
}

} // namespace vigil::render::pdf
