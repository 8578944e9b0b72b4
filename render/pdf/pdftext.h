#pragma once

#include "render/pdf/pdfstyle.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

typedef struct _cairo cairo_t;
typedef struct _PangoContext PangoContext;
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoLayoutLine PangoLayoutLine;

namespace vigil::render::pdf {

enum class Align { Left, Center, Right };

struct TextStyle
{
    double size = 9.5; // points
    bool bold = false;
    bool italic = false;
    Rgb color = kInk;
    Align align = Align::Left;
    double lineSpacing = 1.0; // baseline distance as a multiple of the font's height (Noto Sans: 1.36 em)
};

// One line of a laid-out text: where it sits inside its layout (points from the layout's top).
struct TextLine
{
    PangoLayoutLine* line = nullptr; // owned by the layout
    double top = 0; // top of the line's slot
    double height = 0; // slot height (to the next line's top; the last line to the layout's bottom)
    double baseline = 0; // from the layout's top
    double x = 0; // alignment offset
};

// A paragraph laid out by Pango (shaping, bidi, line breaking, font fallback through fontconfig), kept alive by
// shared ownership so the drawing pass can run after pagination.
class TextBlock
{
public:
    TextBlock() = default;
    TextBlock(PangoLayout* adopted, Rgb color);

    bool isNull() const { return !m_layout; }
    double height() const { return m_height; }
    double width() const { return m_width; } // logical width of the longest line
    const QList<TextLine>& lines() const { return m_lines; }
    // Draws the whole text, or lines [from, to), with the top of line `from` at y.
    void draw(cairo_t* cr, double x, double y) const;
    void drawLines(cairo_t* cr, double x, double y, int from, int to) const;
    // Height of lines [from, to).
    double span(int from, int to) const;

private:
    std::shared_ptr<PangoLayout> m_layout;
    std::shared_ptr<const std::vector<bool>> m_boundary; // by byte of the text: a grapheme starts here
    QList<TextLine> m_lines;
    Rgb m_color;
    double m_height = 0;
    double m_width = 0;
};

// A run of text with its own colour and weight inside one paragraph (a heading's reference and title).
struct TextRun
{
    QString text;
    Rgb color = kInk;
    bool bold = false;
};

// Makes text blocks. One per document: it holds the Pango context of the PDF surface (72 units per inch, so
// Pango's points are the page's points; metrics unhinted so what is measured is what is drawn).
class TextEngine
{
public:
    explicit TextEngine(cairo_t* cr);
    ~TextEngine();
    TextEngine(const TextEngine&) = delete;
    TextEngine& operator=(const TextEngine&) = delete;

    // width <= 0: no wrapping. ellipsize: one line, cut with "…" at width.
    TextBlock layout(const QString& text, const TextStyle& style, double width, bool ellipsize = false) const;
    TextBlock layout(const QList<TextRun>& runs, const TextStyle& style, double width) const;
    // Width of the text on one line.
    double naturalWidth(const QString& text, const TextStyle& style) const;
    // Width of the longest word (what a column needs not to break inside words).
    double longestWord(const QString& text, const TextStyle& style) const;

    // How many characters of the text no installed font has (drawn as boxes): 0 when every script is covered.
    int missingGlyphs(const QString& text) const;

    // The families asked for, in order; fontconfig falls back per script among them.
    static QString families();

private:
    PangoLayout* newLayout(const TextStyle& style, double width, bool ellipsize) const;
    PangoContext* m_context = nullptr;
};

void setColor(cairo_t* cr, Rgb c);

} // namespace vigil::render::pdf
