#pragma once

// The reading and matching threads of an import, each ahead of the next through a small bounded queue, so that
// memory does not grow with the file: one reads and normalises the rows and prepares their names for matching; one
// matches them (RowMatcher: no I/O, it gives what it adds its row key in advance). The writing thread, which owns
// the database connection, takes the rows in file order with next().
#include "importer/rowmatcher.h"
#include "importer/rowqueue.h"

#include <QStringList>

#include <atomic>
#include <thread>
#include <vector>

namespace vigil {

class RowBuilder;
class TableReader;

// Whether every cell of a row is empty or white space.
bool allEmpty(const QStringList& row);

class ImportPipeline
{
public:
    // Starts both threads on the rows of `reader` after `headerRow`. The reader, builder and matcher must outlive
    // the pipeline, and nothing else may use them until stop() has returned.
    ImportPipeline(TableReader& reader, int headerRow, const RowBuilder& builder, RowMatcher& matcher);
    ~ImportPipeline();
    ImportPipeline(const ImportPipeline&) = delete;
    ImportPipeline& operator=(const ImportPipeline&) = delete;

    // The next row, matched, in file order (empty rows skipped); nullptr once all are taken, the reader failed or
    // the pipeline was stopped. Valid until the next call.
    MatchedRow* next();
    // Stops both threads and waits for them; rows not taken are dropped, and the memory of those held is freed.
    void stop();

private:
    void read();
    void match();

    TableReader& m_reader;
    const int m_headerRow;
    const RowBuilder& m_builder;
    RowMatcher& m_matcher;
    RowQueue<ReadRow> m_readQueue{8};
    RowQueue<MatchedRow> m_matchQueue{8};
    std::atomic<bool> m_stop{false};
    std::vector<MatchedRow> m_taken;
    size_t m_next = 0;
    std::thread m_reading; // last: started once everything above is built
    std::thread m_matching;
};

} // namespace vigil
