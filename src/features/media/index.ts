// The device's place and pictures, shared by every feature that asks where something is or shows a photo.
export {
  LOCATION_FAILURE_TEXT,
  LocationError,
  openLocationSettings,
  pickAreaCentre,
  takeLocation,
  takePosition,
  toGcj02,
  type AreaCentre,
  type DevicePosition,
  type LocationFailure,
  type PickedLocation,
} from './location'
export { callPhone, showOnMap, type MapPoint } from './showOnMap'
export { PhotoPicker, pendingPhotos, photoIdsOf, type PickedPhoto } from './ui/PhotoPicker'
