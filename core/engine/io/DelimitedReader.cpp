#include "engine/io/DelimitedReader.h"
