#include "importer/importpipeline.h"

#include "importer/importer.h"
#include "importer/importsupport.h"
#include "importer/namematch.h"
#include "importer/rowbuilder.h"
#include "io/tablereader.h"

namespace vigil {

bool allEmpty(const QStringList& row)
{
    for (const QString& c : row)
        if (!c.trimmed().isEmpty())
            return false;
    return true;
}

ImportPipeline::ImportPipeline(TableReader& reader, int headerRow, const RowBuilder& builder, RowMatcher& matcher)
    : m_reader(reader)
    , m_headerRow(headerRow)
    , m_builder(builder)
    , m_matcher(matcher)
    , m_reading([this] { read(); })
    , m_matching([this] { match(); })
{
}

ImportPipeline::~ImportPipeline()
{
    stop();
}

void ImportPipeline::read()
{
    StageTimes readTimes("reading thread");
    std::vector<ReadRow> chunk;
    constexpr size_t kChunk = 128;
    chunk.reserve(kChunk);
    QStringList cells;
    for (;;) {
        readTimes.start(StageTimes::Read);
        if (m_stop.load() || !m_reader.next(cells))
            break;
        const qint64 rn = m_reader.rowNumber();
        if (rn <= m_headerRow || allEmpty(cells))
            continue;
        readTimes.start(StageTimes::Build);
        ReadRow r;
        r.row = rn;
        r.built = m_builder.build(cells, rn);
        if (r.built.isEmpty)
            continue;
        if (r.built.errors.isEmpty()) {
            const Supplier& s = r.built.record.supplier;
            r.core = namematch::coreName(s.name);
            r.name = namematch::prepare(r.core);
            r.recordKey = Importer::recordKeyOfCore(r.core, s.country, s.address);
        }
        r.progress = m_reader.progress();
        chunk.push_back(std::move(r));
        if (chunk.size() >= kChunk) {
            readTimes.start(StageTimes::Wait);
            if (!m_readQueue.push(std::move(chunk)))
                break;
            chunk = {};
            chunk.reserve(kChunk);
        }
    }
    if (!chunk.empty())
        m_readQueue.push(std::move(chunk));
    m_readQueue.close();
}

void ImportPipeline::match()
{
    StageTimes matchTimes("matching thread");
    std::vector<ReadRow> in;
    for (;;) {
        matchTimes.start(StageTimes::Wait);
        if (!m_readQueue.pop(in))
            break;
        matchTimes.start(StageTimes::Match);
        std::vector<MatchedRow> out;
        out.reserve(in.size());
        for (ReadRow& r : in)
            out.push_back(m_matcher.match(std::move(r)));
        in.clear();
        matchTimes.start(StageTimes::Wait);
        if (m_stop.load() || !m_matchQueue.push(std::move(out)))
            break;
    }
    m_readQueue.close(); // stops the reading thread if this one stopped first
    m_matchQueue.close();
}

MatchedRow* ImportPipeline::next()
{
    if (m_stop.load())
        return nullptr;
    while (m_next >= m_taken.size()) {
        m_taken.clear();
        m_next = 0;
        if (!m_matchQueue.pop(m_taken))
            return nullptr;
    }
    return &m_taken[m_next++];
}

void ImportPipeline::stop()
{
    m_stop.store(true);
    m_readQueue.close();
    m_matchQueue.close();
    if (m_matching.joinable())
        m_matching.join();
    if (m_reading.joinable())
        m_reading.join();
    m_taken = {};
    m_next = 0;
}

} // namespace vigil
