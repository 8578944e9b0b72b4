#include "registerfixture.h"

#include "storage/supplierrepository.h"
#include "storage/workspace.h"

#include <QTest>

namespace vigil::test {

Supplier makeSupplier(const QString& name, const QString& country, const QString& sector, int tier,
                      const QStringList& tags)
{
    Supplier s;
    s.name = name;
    s.country = country;
    s.sector = sector;
    s.tier = tier;
    s.tags = tags;
    return s;
}

std::unique_ptr<Database> makeWorkspace(const QTemporaryDir& dir, const QList<Supplier>& suppliers, const QString& name)
{
    auto db = workspace::create(dir.filePath(name));
    if (!db) {
        qWarning() << db.error().toString();
        return nullptr;
    }
    std::unique_ptr<Database> out = std::move(db).value();
    SupplierRepository repo(*out);
    const Status st = out->transaction([&]() -> Status {
        for (const Supplier& s : suppliers) {
            SupplierRecord r;
            r.supplier = s;
            if (Status st = repo.addInTransaction(r, QStringLiteral("fixture")); !st)
                return st;
        }
        return {};
    });
    if (!st) {
        qWarning() << st.error().toString();
        return nullptr;
    }
    return out;
}

void typeText(QWidget* widget, const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

QList<Supplier> multilingualSuppliers()
{
    return {
        makeSupplier(QStringLiteral("บริษัท สยามซีฟู้ด จำกัด"), QStringLiteral("TH"), QStringLiteral("Seafood"), 1,
                     {QStringLiteral("seafood")}),
        makeSupplier(QStringLiteral("โรงงานแปรรูปกุ้ง มหาชัย"), QStringLiteral("TH"), QStringLiteral("Seafood"), 2),
        makeSupplier(QStringLiteral("广州纺织有限公司"), QStringLiteral("CN"), QStringLiteral("Textiles"), 1),
        makeSupplier(QStringLiteral("深圳电子科技有限公司"), QStringLiteral("CN"), QStringLiteral("Electronics"), 2),
        makeSupplier(QStringLiteral("Công ty May Việt Tiến"), QStringLiteral("VN"), QStringLiteral("Textiles"), 1,
                     {QStringLiteral("garments")}),
        makeSupplier(QStringLiteral("Công ty Thủy sản Minh Phú"), QStringLiteral("VN"), QStringLiteral("Seafood"), 1),
        makeSupplier(QStringLiteral("ရန်ကုန် အထည်ချုပ် စက်ရုံ"), QStringLiteral("MM"), QStringLiteral("Textiles"), 1),
        makeSupplier(QStringLiteral("ঢাকা নিট ফ্যাশনস লিমিটেড"), QStringLiteral("BD"), QStringLiteral("Textiles"), 1),
        makeSupplier(QStringLiteral("Acme Garments Ltd"), QStringLiteral("BD"), QStringLiteral("Textiles"), 1),
        makeSupplier(QStringLiteral("Zenith Fishing Co"), QStringLiteral("ID"), QStringLiteral("Seafood"), 3),
    };
}

} // namespace vigil::test
