#include "render/chartimage.h"

#include "report/svgchart.h"
#include "util/savefile.h"

#include <QBuffer>
#include <QPainter>
#include <QSvgRenderer>

namespace vigil::render {

QImage chartImage(const report::ReportChart& chart, qreal scale)
{
    QSvgRenderer svg(report::chartToSvg(chart));
    const QSize size = (QSizeF(svg.defaultSize()) * scale).toSize();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    svg.render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
    p.end();
    return image;
}

void paintChart(const report::ReportChart& chart, QPainter& painter, const QRectF& target)
{
    QSvgRenderer svg(report::chartToSvg(chart));
    svg.render(&painter, target);
}

Status saveChartPng(const report::ReportChart& chart, const QString& path, qreal scale)
{
    const QImage image = chartImage(chart, scale);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return makeError(QStringLiteral("The chart could not be drawn as PNG."));
    return saveToFile(path, bytes);
}

Status saveChartSvg(const report::ReportChart& chart, const QString& path)
{
    return saveToFile(path, report::chartToSvg(chart));
}

} // namespace vigil::render
