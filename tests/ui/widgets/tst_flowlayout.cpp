// FlowLayout: rows that wrap, spread evenly, filled by the items that can grow, never narrower than the widest item.
#include "widgets/flowlayout.h"

#include <QPushButton>
#include <QTest>

using namespace vigil::ui;

namespace {

// A widget that asks for exactly this size (and may shrink to half its width).
class Box : public QWidget
{
public:
    Box(int width, QSizePolicy::Policy horizontal)
        : m_hint(width, 20)
    {
        setSizePolicy(horizontal, QSizePolicy::Fixed);
    }
    QSize sizeHint() const override { return m_hint; }
    QSize minimumSizeHint() const override { return QSize(m_hint.width() / 2, 20); }

private:
    QSize m_hint;
};

} // namespace

class TestFlowLayout : public QObject
{
    Q_OBJECT

private:
    // A host of `count` boxes 100 px wide, 10 px apart, no margins.
    struct Host
    {
        QWidget widget;
        FlowLayout* layout = nullptr;
        QList<Box*> boxes;
    };
    static std::unique_ptr<Host> host(int count, QSizePolicy::Policy horizontal)
    {
        auto h = std::make_unique<Host>();
        h->layout = new FlowLayout(&h->widget);
        h->layout->setContentsMargins(0, 0, 0, 0);
        h->layout->setSpacing(10);
        for (int i = 0; i < count; ++i) {
            h->boxes << new Box(100, horizontal);
            h->layout->addWidget(h->boxes.last());
        }
        return h;
    }
    static void layOut(Host& h, int width)
    {
        h.widget.resize(width, h.layout->heightForWidth(width));
        h.layout->setGeometry(QRect(0, 0, width, h.layout->heightForWidth(width)));
    }
    static QList<int> rowLengths(const Host& h)
    {
        QList<int> lengths;
        int y = -1;
        for (const Box* b : h.boxes) {
            if (b->geometry().y() != y) {
                lengths << 0;
                y = b->geometry().y();
            }
            ++lengths.last();
        }
        return lengths;
    }

private slots:
    void sizes()
    {
        auto h = host(7, QSizePolicy::Expanding);
        QCOMPARE(h->layout->sizeHint(), QSize(7 * 100 + 6 * 10, 20));
        QCOMPARE(h->layout->minimumSize(), QSize(50, 20)); // the widest item's minimum
        QCOMPARE(h->layout->heightForWidth(760), 20);
        QCOMPARE(h->layout->heightForWidth(759), 50); // two rows
        QCOMPARE(h->layout->heightForWidth(100), 7 * 20 + 6 * 10);
    }

    void rowsAreSpreadEvenly_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<QList<int>>("rows");
        QTest::addRow("all in one row") << 760 << QList<int>{7};
        QTest::addRow("two rows: 4 + 3, not 6 + 1") << 700 << QList<int>{4, 3};
        QTest::addRow("three rows: 3 + 2 + 2") << 320 << QList<int>{3, 2, 2};
        QTest::addRow("one per row") << 150 << QList<int>{1, 1, 1, 1, 1, 1, 1};
    }
    void rowsAreSpreadEvenly()
    {
        QFETCH(int, width);
        QFETCH(QList<int>, rows);
        auto h = host(7, QSizePolicy::Expanding);
        layOut(*h, width);
        QCOMPARE(rowLengths(*h), rows);
        // Growing items fill each row exactly, never overlap, never go past the edge.
        int first = 0;
        for (int count : rows) {
            const Box* last = h->boxes.at(first + count - 1);
            QCOMPARE(h->boxes.at(first)->geometry().left(), 0);
            QCOMPARE(last->geometry().right(), width - 1);
            for (int i = first + 1; i < first + count; ++i)
                QCOMPARE(h->boxes.at(i)->geometry().left(), h->boxes.at(i - 1)->geometry().right() + 1 + 10);
            first += count;
        }
    }

    void fixedItemsFollowTheAlignment()
    {
        auto h = host(4, QSizePolicy::Fixed);
        h->layout->setAlignment(Qt::AlignRight);
        layOut(*h, 300); // two rows of two, right-aligned
        QCOMPARE(rowLengths(*h), (QList<int>{2, 2}));
        for (const Box* b : h->boxes)
            QCOMPARE(b->width(), 100);
        QCOMPARE(h->boxes.at(1)->geometry().right(), 299);
        QCOMPARE(h->boxes.at(3)->geometry().right(), 299);
        QCOMPARE(h->boxes.at(0)->geometry().left(), 300 - 210);
    }

    void tooNarrowGivesTheMinimum()
    {
        auto h = host(2, QSizePolicy::Expanding);
        layOut(*h, 60);
        QCOMPARE(h->boxes.at(0)->width(), 60);
        layOut(*h, 30);
        QCOMPARE(h->boxes.at(0)->width(), 50); // its minimum, even past the edge
    }

    void hiddenItemsTakeNoRoom()
    {
        auto h = host(3, QSizePolicy::Fixed);
        h->widget.show();
        h->boxes.at(1)->hide();
        QCOMPARE(h->layout->sizeHint(), QSize(210, 20));
        layOut(*h, 210);
        QCOMPARE(h->boxes.at(2)->geometry().left(), 110);
    }
};

QTEST_MAIN(TestFlowLayout)
#include "tst_flowlayout.moc"
