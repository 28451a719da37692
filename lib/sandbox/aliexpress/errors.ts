// A refusal by the API itself (not the gateway) on AliExpress's `/sync`: TOP's "Remote service error" (code 15) with
// the reason as an `isv.` sub code, the convention of the TOP family's error_response [INFER for the sub codes].
import { refuse, type IopResult } from "../iop/envelope";

export const businessRefusal = (subCode: string, message: string): IopResult => refuse("15", "Remote service error", { subCode, subMessage: message });
