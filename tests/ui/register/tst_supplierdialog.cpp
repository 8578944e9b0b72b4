#include "dialogs/supplierdialog.h"
#include "registerfixture.h"
#include "widgets/countrypicker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace vigil;
using namespace vigil::ui;
using namespace vigil::test;

class TestSupplierDialog : public QObject
{
    Q_OBJECT

private:
    static QPushButton* okButton(SupplierDialog& d)
    {
        return d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    }
    static QString message(SupplierDialog& d, const QString& field)
    {
        auto* label = d.findChild<QLabel*>(field + QStringLiteral("Message"));
        return label && !label->isHidden() ? label->text() : QString();
    }

private slots:
    void countryPickerResolves_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("code");
        QTest::addRow("ISO name") << QStringLiteral("Viet Nam") << QStringLiteral("VN");
        QTest::addRow("former name") << QStringLiteral("Burma") << QStringLiteral("MM");
        QTest::addRow("alpha-2") << QStringLiteral("TH") << QStringLiteral("TH");
        QTest::addRow("alpha-3, lower case") << QStringLiteral("khm") << QStringLiteral("KH");
        QTest::addRow("completer text") << QStringLiteral("Bangladesh (BD)") << QStringLiteral("BD");
        QTest::addRow("unknown") << QStringLiteral("Narnia") << QString();
        QTest::addRow("empty") << QString() << QString();
    }

    void countryPickerResolves()
    {
        QFETCH(QString, typed);
        QFETCH(QString, code);
        CountryPicker picker;
        typeText(&picker, typed);
        QCOMPARE(picker.code(), code);
    }

    void validFormIsAccepted()
    {
        SupplierDialog d(SupplierRecord(), {QStringLiteral("Seafood")});
        d.show();
        QVERIFY(!okButton(d)->isEnabled()); // empty name and country
        typeText(d.findChild<QLineEdit*>(QStringLiteral("name")), QStringLiteral("บริษัท สยามซีฟู้ด จำกัด"));
        typeText(d.findChild<QLineEdit*>(QStringLiteral("country")), QStringLiteral("Thailand"));
        QVERIFY(okButton(d)->isEnabled());
        QTest::mouseClick(okButton(d), Qt::LeftButton);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.record().supplier.name, QStringLiteral("บริษัท สยามซีฟู้ด จำกัด"));
        QCOMPARE(d.record().supplier.country, QStringLiteral("TH"));
    }

    void invalidFormShowsTheReason_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        QTest::addRow("empty name") << QString() << QStringLiteral("VN") << QStringLiteral("name")
                                    << QStringLiteral("needs a name");
        QTest::addRow("blank name") << QStringLiteral("   ") << QStringLiteral("VN") << QStringLiteral("name")
                                    << QStringLiteral("needs a name");
        QTest::addRow("unknown country") << QStringLiteral("Acme") << QStringLiteral("Narnia")
                                         << QStringLiteral("country") << QStringLiteral("“Narnia” is not a country");
        QTest::addRow("no country") << QStringLiteral("Acme") << QString() << QStringLiteral("country")
                                    << QStringLiteral("Choose the country");
    }

    void invalidFormShowsTheReason()
    {
        QFETCH(QString, name);
        QFETCH(QString, country);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        SupplierDialog d(SupplierRecord(), {});
        d.show();
        typeText(d.findChild<QLineEdit*>(QStringLiteral("name")), name);
        typeText(d.findChild<QLineEdit*>(QStringLiteral("country")), country);
        QVERIFY(!okButton(d)->isEnabled());
        QVERIFY2(message(d, field).contains(reason), qPrintable(message(d, field)));
        QVERIFY(d.issues().contains(field));
        d.accept(); // refused
        QVERIFY(d.isVisible());
        QVERIFY(d.result() != QDialog::Accepted);
    }

    void workerRangeIsChecked()
    {
        SupplierRecord rec;
        rec.supplier.name = QStringLiteral("Acme");
        rec.supplier.country = QStringLiteral("BD");
        rec.supplier.workersMin = 500;
        rec.supplier.workersMax = 100;
        SupplierDialog d(rec, {});
        QVERIFY(!d.isValid());
        QVERIFY(d.issues().contains(SupplierField::WorkersMax));
        QVERIFY(message(d, SupplierField::WorkersMax).contains(QStringLiteral("below")));
    }

    void editKeepsChildrenAndId()
    {
        SupplierRecord rec;
        rec.supplier.id = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        rec.supplier.name = QStringLiteral("Acme");
        rec.supplier.country = QStringLiteral("BD");
        rec.supplier.migrantShare = 0.25;
        rec.identifiers << Identifier{IdentifierScheme::VendorId, QStringLiteral("V-1")};
        SupplierDialog d(rec, {});
        QVERIFY(d.isValid());
        QVERIFY(!d.isNew());
        const SupplierRecord out = d.record();
        QCOMPARE(out.supplier.id, rec.supplier.id);
        QCOMPARE(out.identifiers, rec.identifiers);
        QVERIFY(out.supplier.migrantShare);
        QCOMPARE(*out.supplier.migrantShare, 0.25);
        QCOMPARE(out.supplier, rec.supplier); // an untouched form changes nothing
    }
};

QTEST_MAIN(TestSupplierDialog)
#include "tst_supplierdialog.moc"
