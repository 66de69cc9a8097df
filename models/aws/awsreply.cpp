#include "awsreply.h"
