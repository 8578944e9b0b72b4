#pragma once

// Colours, sizes and page geometry of the PDF reports (points, 1/72 inch). The palette matches the HTML report.
namespace vigil::render::pdf {

struct Rgb
{
    double r = 0, g = 0, b = 0;
};

constexpr Rgb rgb(unsigned hex)
{
    return {((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0};
}

inline constexpr Rgb kInk = rgb(0x1f2d3d);
inline constexpr Rgb kMuted = rgb(0x5b6670);
inline constexpr Rgb kAccent = rgb(0x2f5d8a);
inline constexpr Rgb kLine = rgb(0xd9dee3);
inline constexpr Rgb kHeaderFill = rgb(0xeef2f6);
inline constexpr Rgb kStripe = rgb(0xf8fafc);

// A4 portrait with 18 mm side margins; the running header and footer sit in the top and bottom margins.
struct PageGeometry
{
    double width = 595.276;
    double height = 841.89;
    double left = 51.02; // 18 mm
    double right = 51.02;
    double top = 68.0; // 24 mm: header line at 13 mm
    double bottom = 62.36; // 22 mm: footer at 10 mm from the edge

    double bodyWidth() const { return width - left - right; }
    double bodyHeight() const { return height - top - bottom; }
};

} // namespace vigil::render::pdf
