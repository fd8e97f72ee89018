// The documents panel: one row per document (title, source, date, size), sortable by any column;
// clicking a row selects the document. Loading problems are listed below the table.
#pragma once

#include <vector>

#include "core/corpus/corpus.h"
#include "core/view/selection.h"

namespace dramatis::ui {

class DocumentsPanel {
 public:
  void draw(const Corpus& corpus, Selection& selection);

 private:
  void sort_rows(const Corpus& corpus);

  std::vector<size_t> rows_;  // document indices in display order
  size_t row_count_for_ = static_cast<size_t>(-1);
  int sort_column_ = -1;  // -1: corpus order
  bool sort_ascending_ = true;
};

}  // namespace dramatis::ui
