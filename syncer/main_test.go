package syncer

import "context"

var ctx = context.Background()
