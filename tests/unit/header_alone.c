/* Compiles the public header alone, as strict C11: it must need nothing else. */
#include "newsocr.h"

int header_alone_uses(void);
int header_alone_uses(void)
{
    nocr_engine_options eo = NOCR_ENGINE_OPTIONS_INIT;
    nocr_load_options lo = NOCR_LOAD_OPTIONS_INIT;
    nocr_process_options po = NOCR_PROCESS_OPTIONS_INIT;
    return eo.lang == NULL && lo.max_pixels > 0 && po.preprocess.binarize && po.preprocess.enhance ? 0 : 1;
}
